package dev.guardian.traffic.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Topic;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import dev.guardian.traffic.kafka.WireFormat;
import dev.guardian.traffic.model.IncidentKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The options of {@code guardian generate metrics}, checked. */
record GenerateSettings(
        String bootstrap,
        String topic,
        double rate,
        Duration duration,
        int series,
        Optional<IncidentKind> incident,
        Duration incidentAt,
        Duration incidentDuration,
        int incidentInstances,
        Optional<Path> incidentReport,
        double badRatio,
        WireFormat format,
        long seed,
        Optional<Instant> start,
        int maxInFlight) {

    static final String DEFAULT_BOOTSTRAP = KafkaOptions.BOOTSTRAP_SERVERS.defaultValue();
    static final double DEFAULT_RATE = 1_000;
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);

    /** 400 instances of 12 services in 3 regions, 7 metrics each. */
    static final int DEFAULT_SERIES = 2_800;

    static final int DEFAULT_INCIDENT_INSTANCES = 3;
    static final long DEFAULT_SEED = 42;

    static final String USAGE =
            "[--rate N (1000 points/s)] [--duration D (1m)] [--series N (2800)]"
                    + " [--incident latency-spike|error-burst|cpu-saturation|flatline|level-shift]"
                    + " [--incident-at D (half the duration)] [--incident-duration D (to the end)]"
                    + " [--incident-instances N (3)] [--incident-report FILE.json]"
                    + " [--bad-ratio R (0)] [--format avro|json] [--seed S (42)]"
                    + " [--start ISO-INSTANT (now)] [--bootstrap HOST:PORT (127.0.0.1:9092)]"
                    + " [--topic T (metrics.points)] [--max-in-flight N (10000)]";

    static GenerateSettings parse(Args args) {
        double rate = args.doubleValue("rate", DEFAULT_RATE);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException("--rate must be a positive number of points per second");
        }
        Duration duration = args.duration("duration", DEFAULT_DURATION);
        if (duration.isZero() || duration.isNegative()) {
            throw new UsageException("--duration must be positive, got " + duration);
        }
        if (rate * duration.toMillis() / 1000.0 < 1) {
            throw new UsageException("--rate x --duration is less than one point");
        }
        int series = args.intValue("series", DEFAULT_SERIES);
        if (series < 1) {
            throw new UsageException("--series must be at least 1, got " + series);
        }
        Optional<IncidentKind> incident =
                args.string("incident")
                        .map(
                                name -> {
                                    try {
                                        return IncidentKind.fromCliName(name);
                                    } catch (IllegalArgumentException e) {
                                        throw new UsageException("--incident: " + e.getMessage());
                                    }
                                });
        Duration incidentAt = args.duration("incident-at", duration.dividedBy(2));
        if (incidentAt.isNegative() || incidentAt.compareTo(duration) >= 0) {
            throw new UsageException(
                    "--incident-at "
                            + incidentAt
                            + " is not within the run's duration "
                            + duration);
        }
        Duration incidentDuration = args.duration("incident-duration", duration.minus(incidentAt));
        if (incidentDuration.isZero() || incidentDuration.isNegative()) {
            throw new UsageException("--incident-duration must be positive");
        }
        int incidentInstances = args.intValue("incident-instances", DEFAULT_INCIDENT_INSTANCES);
        if (incidentInstances < 1) {
            throw new UsageException("--incident-instances must be at least 1");
        }
        Optional<Path> incidentReport = args.string("incident-report").map(Path::of);
        if (incident.isEmpty()
                && (args.string("incident-at").isPresent()
                        || args.string("incident-duration").isPresent()
                        || incidentReport.isPresent())) {
            throw new UsageException(
                    "--incident-at, --incident-duration and --incident-report"
                            + " need --incident KIND");
        }
        double badRatio = args.doubleValue("bad-ratio", 0);
        if (!(badRatio >= 0 && badRatio <= 1)) {
            throw new UsageException("--bad-ratio must be between 0 and 1, got " + badRatio);
        }
        WireFormat format;
        try {
            format = WireFormat.fromCliName(args.string("format", "avro"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        Optional<Instant> start =
                args.string("start")
                        .map(
                                text -> {
                                    try {
                                        return Instant.parse(text);
                                    } catch (DateTimeParseException e) {
                                        throw new UsageException(
                                                "--start must be an ISO-8601 instant like"
                                                        + " 2026-11-20T09:00:00Z, got '"
                                                        + text
                                                        + "'");
                                    }
                                });
        int maxInFlight = args.intValue("max-in-flight", KafkaPointWriter.DEFAULT_MAX_IN_FLIGHT);
        if (maxInFlight < 1) {
            throw new UsageException("--max-in-flight must be at least 1");
        }
        return new GenerateSettings(
                args.string("bootstrap", DEFAULT_BOOTSTRAP),
                args.string("topic", Topic.METRIC_POINTS.topicName()),
                rate,
                duration,
                series,
                incident,
                incidentAt,
                incidentDuration,
                incidentInstances,
                incidentReport,
                badRatio,
                format,
                args.longValue("seed", DEFAULT_SEED),
                start,
                maxInFlight);
    }

    long totalPoints() {
        return Math.round(rate * duration.toMillis() / 1000.0);
    }
}
