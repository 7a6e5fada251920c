package dev.guardian.logs.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.logs.LogSearch;
import dev.guardian.schemas.LogEvent;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import dev.guardian.traffic.pacing.Ticker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code guardian generate logs}: realistic multi-service shop logs for {@code logs.events} at a
 * fixed rate: line k is stamped {@code start + k / rate} (the model's clock, as {@code generate
 * metrics} does) and sent when that time comes, optionally after a backfill of history sent as fast
 * as possible, with an injected incident and deliberately bad records.
 */
public final class GenerateLogsCommand implements Command {

    /** The logs job's default learning period: new templates before it are not reported. */
    static final Duration NOVELTY_LEARNING = Duration.ofMinutes(15);

    /** Minutes the job's rate baselines need before they judge. */
    static final Duration BASELINE_WARMUP = Duration.ofMinutes(10);

    private final PrintStream out;

    public GenerateLogsCommand() {
        this(System.out);
    }

    GenerateLogsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "generate";
    }

    @Override
    public String subject() {
        return "logs";
    }

    @Override
    public String summary() {
        return "write realistic multi-service logs to Kafka, optionally with an incident";
    }

    @Override
    public String usage() {
        return GenerateLogsSettings.USAGE;
    }

    @Override
    public int run(Args args) throws Exception {
        GenerateLogsSettings settings = GenerateLogsSettings.parse(args);
        args.rejectUnknown();
        try (KafkaPointWriter writer =
                        LogWriters.open(
                                settings.bootstrap(),
                                settings.topic(),
                                "guardian-generate-logs",
                                settings.maxInFlight());
                Sending sending = new Sending(out)) {
            // The clock starts once Kafka answers; the backfill ends now and the live part
            // follows the wall clock.
            long live = System.currentTimeMillis();
            long start = live - settings.backfill().toMillis();
            Optional<LogIncident> incident =
                    settings.incident()
                            .map(
                                    kind ->
                                            new LogIncident(
                                                    kind,
                                                    settings.incidentService(),
                                                    live + settings.incidentAt().toMillis(),
                                                    Math.min(
                                                            live + settings.duration().toMillis(),
                                                            live
                                                                    + settings.incidentAt()
                                                                            .toMillis()
                                                                    + settings.incidentDuration()
                                                                            .toMillis())));
            LogTraffic traffic = new LogTraffic(start, settings.rate(), settings.seed(), incident);
            printPlan(settings, start, live);
            if (incident.isPresent()) {
                printIncident(settings, incident.get(), traffic, start);
                if (settings.incidentReport().isPresent()) {
                    writeReport(incident.get(), traffic, settings.incidentReport().get());
                }
            }
            send(settings, traffic, writer, sending);
        }
        return 0;
    }

    private void send(
            GenerateLogsSettings settings,
            LogTraffic traffic,
            KafkaPointWriter writer,
            Sending sending)
            throws InterruptedException {
        BadLogRecords bad = new BadLogRecords(settings.badRatio(), settings.seed());
        long backfill = settings.backfillLines();
        long end = System.currentTimeMillis() + settings.duration().toMillis();
        boolean live = false;
        long good = 0;
        long spoiled = 0;
        for (long k = 0; ; k++) {
            if (sending.stopRequested()) {
                break;
            }
            LogEvent line = traffic.next();
            long time = line.getTimestamp().toEpochMilli();
            if (time >= end) {
                break;
            }
            if (k >= backfill) {
                if (!live) {
                    live = true;
                    out.printf(
                            "backfill done: %,d lines; now live at %,.0f lines/s%n",
                            k, settings.rate());
                }
                // Each line goes out when its own time comes: after a backfill the stream catches
                // up with the clock, and incident lines (same instant as a base line) never wait.
                long wait = time - System.currentTimeMillis();
                if (wait > 0) {
                    Ticker.SYSTEM.sleepNanos(wait * 1_000_000);
                }
            }
            BadLogRecords.Kind kind = bad.forSlot(k);
            byte[] value =
                    kind == null
                            ? settings.encoding().encode(line)
                            : BadLogRecords.encode(line, kind);
            writer.send(line.getHost().getBytes(StandardCharsets.UTF_8), value);
            if (kind == null) {
                good++;
            } else {
                spoiled++;
            }
            sending.maybeReport(good, spoiled, writer.inFlight());
        }
        writer.flush();
        sending.summary("generate logs", good, spoiled, writer.acknowledged());
    }

    private void printPlan(GenerateLogsSettings s, long start, long live) {
        out.printf(
                "generating logs to %s at %s: %d services, %,.0f lines/s for %s%s, %s, seed %d%s%n",
                s.topic(),
                s.bootstrap(),
                ServiceCatalog.SERVICES.size(),
                s.rate(),
                human(s.duration()),
                s.backfill().isZero()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " after %s of history (%,d lines from %s, sent as fast as possible)",
                                human(s.backfill()),
                                s.backfillLines(),
                                Instant.ofEpochMilli(start)),
                s.encoding().name().toLowerCase(Locale.ROOT),
                s.seed(),
                s.badRatio() > 0
                        ? String.format(Locale.ROOT, ", %.2f%% bad records", s.badRatio() * 100)
                        : "");
        out.flush();
    }

    private void printIncident(
            GenerateLogsSettings s, LogIncident incident, LogTraffic traffic, long start) {
        out.printf(
                "incident %s on %s from %s until %s: %s (%.1f extra lines/s)%n",
                incident.kind().cliName(),
                incident.service(),
                Instant.ofEpochMilli(incident.startMillis()),
                Instant.ofEpochMilli(incident.endMillis()),
                incident.kind().effect(),
                traffic.incidentRate());
        Duration history = Duration.ofMillis(incident.startMillis() - start);
        Duration needed =
                incident.kind() == LogIncidentKind.NEW_EXCEPTION
                        ? NOVELTY_LEARNING
                        : BASELINE_WARMUP;
        if (history.compareTo(needed.plusMinutes(1)) < 0) {
            out.printf(
                    "note: the service has %s of lines before the incident; the logs job learns for"
                            + " %s before this rule reports (use --backfill %dm, or lower the job's"
                            + " learning period)%n",
                    human(history), human(needed), needed.toMinutes() + 5);
        }
        out.flush();
    }

    private void writeReport(LogIncident incident, LogTraffic traffic, Path file)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("kind", incident.kind().cliName());
        report.put("effect", incident.kind().effect());
        report.put("service", incident.service());
        report.put("start", Instant.ofEpochMilli(incident.startMillis()).toString());
        report.put("end", Instant.ofEpochMilli(incident.endMillis()).toString());
        report.put("extraLinesPerSecond", traffic.incidentRate());
        ArrayNode hosts = report.putArray("hosts");
        ServiceCatalog.Service service = ServiceCatalog.named(incident.service());
        for (int i = 0; i < service.replicas(); i++) {
            hosts.add(service.host(i));
        }
        ArrayNode detectors = report.putArray("expectedDetectors");
        incident.kind().detectors().forEach(detectors::add);
        report.put(
                "elasticsearchQuery",
                incident.kind() == LogIncidentKind.SILENT_SERVICE
                        ? LogSearch.query(
                                incident.service(),
                                null,
                                incident.startMillis() - 15 * 60_000L,
                                incident.endMillis())
                        : LogSearch.errorsQuery(
                                incident.service(), incident.startMillis(), incident.endMillis()));
        report.put(
                "clickhouseQuery",
                "SELECT time, detector, explanation FROM anomalies FINAL WHERE source = 'LOGS'"
                        + " AND labels['service'] = '"
                        + incident.service()
                        + "' AND time >= '"
                        + Instant.ofEpochMilli(incident.startMillis() - 6 * 60_000L)
                                .toString()
                                .replace("T", " ")
                                .replace("Z", "")
                        + "' ORDER BY time");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        out.println("  incident written to " + file);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : (s % 3600 / 60) + "m");
    }
}
