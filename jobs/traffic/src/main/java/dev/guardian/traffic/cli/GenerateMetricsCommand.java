package dev.guardian.traffic.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import dev.guardian.traffic.kafka.PointEncoder;
import dev.guardian.traffic.model.BadRecordKind;
import dev.guardian.traffic.model.BadRecordPlan;
import dev.guardian.traffic.model.Fleet;
import dev.guardian.traffic.model.GeneratedPoint;
import dev.guardian.traffic.model.Incident;
import dev.guardian.traffic.model.Instance;
import dev.guardian.traffic.model.MetricTraffic;
import dev.guardian.traffic.model.MetricTrafficModel;
import dev.guardian.traffic.model.Series;
import dev.guardian.traffic.pacing.Ticker;
import dev.guardian.traffic.pacing.TokenBucket;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code guardian generate metrics}: realistic metric traffic for {@code metrics.points}, paced at
 * a fixed rate, optionally with an injected incident and deliberately bad records.
 */
public final class GenerateMetricsCommand implements Command {

    private final PrintStream out;

    public GenerateMetricsCommand() {
        this(System.out);
    }

    GenerateMetricsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "generate";
    }

    @Override
    public String subject() {
        return "metrics";
    }

    @Override
    public String summary() {
        return "write realistic metric series to Kafka, optionally with an incident";
    }

    @Override
    public String usage() {
        return GenerateSettings.USAGE;
    }

    @Override
    public int run(Args args) throws Exception {
        GenerateSettings settings = GenerateSettings.parse(args);
        args.rejectUnknown();
        Fleet fleet = new Fleet(settings.series(), settings.seed());
        // A fleet too small for the incident is a usage error: say so before connecting.
        settings.incident().ifPresent(kind -> incident(settings, fleet, 0));
        try (KafkaPointWriter writer =
                        KafkaPointWriter.open(
                                settings.bootstrap(),
                                settings.topic(),
                                "guardian-generate-metrics",
                                settings.maxInFlight());
                Interruption stop = new Interruption()) {
            // The clock starts once Kafka answers, so timestamps and pacing start together.
            long start = settings.start().orElseGet(Instant::now).toEpochMilli();
            Optional<Incident> incident =
                    settings.incident().map(kind -> incident(settings, fleet, start));
            MetricTrafficModel model =
                    new MetricTrafficModel(fleet, settings.seed(), start, incident);
            MetricTraffic traffic = new MetricTraffic(model, start, settings.rate());
            printPlan(settings, fleet, traffic, start);
            incident.ifPresent(i -> printIncident(i, start));
            if (incident.isPresent() && settings.incidentReport().isPresent()) {
                writeReport(incident.get(), settings.incidentReport().get());
            }
            send(settings, traffic, writer, stop);
        }
        return 0;
    }

    private void send(
            GenerateSettings settings,
            MetricTraffic traffic,
            KafkaPointWriter writer,
            Interruption stop)
            throws InterruptedException {
        BadRecordPlan badRecords = new BadRecordPlan(settings.badRatio(), settings.seed());
        PointEncoder encoder = new PointEncoder(settings.format());
        // Up to a second of catching up after a stall (GC, a busy machine) keeps the average.
        TokenBucket bucket =
                new TokenBucket(
                        Ticker.SYSTEM, settings.rate(), Math.max(1, (long) settings.rate()));
        Progress progress = new Progress(out, Ticker.SYSTEM);
        long total = settings.totalPoints();
        long good = 0;
        long bad = 0;
        boolean interrupted = false;
        for (long k = 0; k < total; k++) {
            if (stop.requested()) {
                interrupted = true;
                break;
            }
            bucket.acquire();
            GeneratedPoint point = traffic.next();
            MetricPoint record = toRecord(point);
            Optional<BadRecordKind> spoil = badRecords.forSlot(k);
            byte[] value =
                    spoil.isPresent()
                            ? encoder.encodeBad(record, spoil.get())
                            : encoder.encode(record);
            writer.send(PointEncoder.key(point.series().key()), value);
            if (spoil.isPresent()) {
                bad++;
            } else {
                good++;
            }
            progress.maybeReport(good, bad, writer.inFlight());
        }
        writer.flush();
        progress.summary("generate metrics", good, bad, writer.acknowledged(), interrupted);
    }

    static MetricPoint toRecord(GeneratedPoint point) {
        Series series = point.series();
        return PointEncoder.point(
                series.name(),
                series.labels(),
                point.timestampMillis(),
                point.value(),
                series.family().isCounter() ? MetricType.COUNTER : MetricType.GAUGE,
                series.family().unit());
    }

    private static Incident incident(GenerateSettings settings, Fleet fleet, long start) {
        long from = start + settings.incidentAt().toMillis();
        long end = start + settings.duration().toMillis();
        long until = Math.min(end, from + settings.incidentDuration().toMillis());
        try {
            return Incident.choose(
                    settings.incident().orElseThrow(),
                    fleet,
                    settings.seed(),
                    settings.incidentInstances(),
                    from,
                    until);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--incident: " + e.getMessage());
        }
    }

    private void printPlan(
            GenerateSettings settings, Fleet fleet, MetricTraffic traffic, long start) {
        out.printf(
                "generating metrics to %s at %s: %,d series (%,d instances x up to %d metrics),"
                        + " %,.0f points/s for %s = %,d points from %s, each series every %s,"
                        + " %s, seed %d%s%n",
                settings.topic(),
                settings.bootstrap(),
                fleet.size(),
                fleet.instances().size(),
                Fleet.FAMILIES,
                settings.rate(),
                human(settings.duration()),
                settings.totalPoints(),
                Instant.ofEpochMilli(start),
                human(traffic.seriesInterval()),
                settings.format().name().toLowerCase(Locale.ROOT),
                settings.seed(),
                settings.badRatio() > 0
                        ? String.format(", %.2f%% bad records", settings.badRatio() * 100)
                        : "");
        if (traffic.seriesInterval().compareTo(Duration.ofMinutes(1)) > 0) {
            out.println(
                    "note: a series gets a point less than once a minute, so one-minute rollups"
                            + " have gaps; raise --rate or lower --series");
        }
        out.flush();
    }

    private void printIncident(Incident incident, long start) {
        Instance first = incident.instances().get(0);
        out.printf(
                "incident %s from %s (+%s) until %s (+%s) on %s in %s (%s): %s%s%n",
                incident.kind().cliName(),
                Instant.ofEpochMilli(incident.startMillis()),
                human(Duration.ofMillis(incident.startMillis() - start)),
                Instant.ofEpochMilli(incident.endMillis()),
                human(Duration.ofMillis(incident.endMillis() - start)),
                first.service(),
                first.region(),
                String.join(", ", incident.instances().stream().map(Instance::host).toList()),
                incident.kind().effect(),
                incident.rampMillis() > 0
                        ? ", reached over the first "
                                + human(Duration.ofMillis(incident.rampMillis()))
                        : "");
        out.println("  series that change:");
        for (Series series : incident.series()) {
            out.println("    " + series.key());
        }
        out.flush();
    }

    private void writeReport(Incident incident, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("kind", incident.kind().cliName());
        report.put("effect", incident.kind().effect());
        report.put("start", Instant.ofEpochMilli(incident.startMillis()).toString());
        report.put("end", Instant.ofEpochMilli(incident.endMillis()).toString());
        report.put("rampSeconds", incident.rampMillis() / 1000.0);
        report.put("service", incident.instances().get(0).service());
        report.put("region", incident.instances().get(0).region());
        ArrayNode hosts = report.putArray("hosts");
        incident.instances().forEach(i -> hosts.add(i.host()));
        ArrayNode series = report.putArray("series");
        incident.series().forEach(s -> series.add(s.key()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        out.println("  incident written to " + file);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms % 1_000 != 0 && ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        StringBuilder sb = new StringBuilder();
        if (s >= 86_400) {
            sb.append(s / 86_400).append('d');
        }
        if (s % 86_400 >= 3600) {
            sb.append(s % 86_400 / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            sb.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || sb.length() == 0) {
            sb.append(s % 60).append('s');
        }
        return sb.toString();
    }
}
