package dev.guardian.logs.traffic;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Topic;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The options of {@code guardian generate logs}, checked. */
record GenerateLogsSettings(
        String bootstrap,
        String topic,
        double rate,
        Duration duration,
        Duration backfill,
        Optional<LogIncidentKind> incident,
        String incidentService,
        Duration incidentAt,
        Duration incidentDuration,
        Optional<Path> incidentReport,
        double badRatio,
        LogEventEncoding encoding,
        long seed,
        int maxInFlight) {

    static final String USAGE =
            "[--rate N (200 lines/s)] [--duration D (1m)] [--backfill D (0: first send D of"
                    + " history as fast as possible, so the job's baselines are warm)]"
                    + " [--incident new-exception|error-burst|silent-service]"
                    + " [--incident-service NAME (payments, checkout, inventory)]"
                    + " [--incident-at D (half the duration)] [--incident-duration D (to the end)]"
                    + " [--incident-report FILE.json] [--bad-ratio R (0)] [--encoding avro|json"
                    + " (avro)] [--seed S (42)] [--bootstrap HOST:PORT (127.0.0.1:9092)] [--topic T"
                    + " (logs.events)] [--max-in-flight N (10000)]";

    static GenerateLogsSettings parse(Args args) {
        double rate = args.doubleValue("rate", 200);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException("--rate must be a positive number of lines per second");
        }
        Duration duration = args.duration("duration", Duration.ofMinutes(1));
        if (duration.isZero() || duration.isNegative()) {
            throw new UsageException("--duration must be positive, got " + duration);
        }
        Duration backfill = args.duration("backfill", Duration.ZERO);
        if (backfill.isNegative()) {
            throw new UsageException("--backfill must not be negative");
        }
        Optional<LogIncidentKind> incident;
        try {
            incident = args.string("incident").map(LogIncidentKind::fromCliName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        String service =
                args.string("incident-service")
                        .orElse(incident.map(LogIncidentKind::defaultService).orElse(null));
        if (service != null) {
            try {
                ServiceCatalog.named(service);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--incident-service: " + e.getMessage());
            }
        }
        Duration at = args.duration("incident-at", duration.dividedBy(2));
        if (at.isNegative() || at.compareTo(duration) >= 0) {
            throw new UsageException(
                    "--incident-at " + at + " is not within the run's duration " + duration);
        }
        Duration length = args.duration("incident-duration", duration.minus(at));
        if (length.isZero() || length.isNegative()) {
            throw new UsageException("--incident-duration must be positive");
        }
        Optional<Path> report = args.string("incident-report").map(Path::of);
        if (incident.isEmpty()
                && (args.string("incident-at").isPresent()
                        || args.string("incident-duration").isPresent()
                        || args.string("incident-service").isPresent()
                        || report.isPresent())) {
            throw new UsageException(
                    "--incident-at, --incident-duration, --incident-service and --incident-report"
                            + " need --incident KIND");
        }
        double badRatio = args.doubleValue("bad-ratio", 0);
        if (!(badRatio >= 0 && badRatio <= 1)) {
            throw new UsageException("--bad-ratio must be between 0 and 1, got " + badRatio);
        }
        LogEventEncoding encoding;
        try {
            encoding = LogEventEncoding.fromCliName(args.string("encoding", "avro"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        int maxInFlight = args.intValue("max-in-flight", KafkaPointWriter.DEFAULT_MAX_IN_FLIGHT);
        if (maxInFlight < 1) {
            throw new UsageException("--max-in-flight must be at least 1");
        }
        return new GenerateLogsSettings(
                args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue()),
                args.string("topic", Topic.LOG_EVENTS.topicName()),
                rate,
                duration,
                backfill,
                incident,
                service,
                at,
                length,
                report,
                badRatio,
                encoding,
                args.longValue("seed", 42),
                maxInFlight);
    }

    long backfillLines() {
        return Math.round(rate * backfill.toMillis() / 1000.0);
    }

    long liveLines() {
        return Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
    }
}
