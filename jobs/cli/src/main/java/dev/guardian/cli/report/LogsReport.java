package dev.guardian.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The logs stream: lines in, dead letters, lines indexed in Elasticsearch, templates and per-minute
 * counts in ClickHouse, log anomalies, and whether the injected incident ({@code guardian generate
 * logs --incident-report FILE}) was reported for its service.
 */
final class LogsReport implements StreamReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN = "logs.events";

    /**
     * The rate rules judge whole minutes once the watermark passes them: an anomaly this long after
     * the incident's end still reports it.
     */
    private static final Duration DETECTION_GRACE = Duration.ofMinutes(2);

    private final HttpQuery query;
    private final Endpoints at;

    LogsReport(HttpQuery query, Endpoints at) {
        this.query = query;
        this.at = at;
    }

    @Override
    public String stream() {
        return "logs";
    }

    @Override
    public List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException {
        return List.of(
                new Output(stream(), "lines in logs.events", topics.getOrDefault(IN, 0L)),
                new Output(stream(), "lines indexed in Elasticsearch", indexed()),
                new Output(stream(), "template counts in ClickHouse", countRows()),
                new Output(stream(), "log anomalies in ClickHouse", anomalies()));
    }

    @Override
    public void print(Map<String, Long> topics, PrintStream out)
            throws IOException, InterruptedException {
        long templates =
                query.clickhouseCount(
                        at.clickhouse(),
                        "SELECT count() FROM guardian.log_templates FINAL WHERE merged_into = ''");
        out.println("logs");
        out.println("  events in (logs.events)           " + topics.getOrDefault(IN, 0L));
        out.println("  dead letters (logs.events.dlq)    " + topics.getOrDefault(IN + ".dlq", 0L));
        out.println("  Elasticsearch logs-*              " + indexed() + " lines");
        out.println("  ClickHouse log_templates          " + templates + " templates");
        out.println("  ClickHouse log_template_counts_1m " + countRows() + " rows");
        out.println("  ClickHouse anomalies (logs)       " + anomalies());
        JsonNode latest =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT toString(time) AS time, grade, detector,"
                                + " labels['service'] AS service, explanation"
                                + " FROM guardian.anomalies FINAL WHERE source = 'LOGS'"
                                + " ORDER BY time DESC LIMIT 5");
        for (JsonNode row : latest) {
            out.printf(
                    "    %s %-8s %-10s %s: %s%n",
                    row.path("time").asText(),
                    row.path("grade").asText(),
                    row.path("service").asText(),
                    row.path("detector").asText(),
                    Text.clip(row.path("explanation").asText(), 100));
        }
        Path incident = at.incident(stream());
        if (Files.exists(incident)) {
            printIncident(incident, out);
        }
    }

    @Override
    public boolean incidentFound() throws IOException, InterruptedException {
        Path incident = at.incident(stream());
        return !Files.exists(incident) || printIncident(incident, QUIET);
    }

    private boolean printIncident(Path file, PrintStream out)
            throws IOException, InterruptedException {
        JsonNode incident = JSON.readTree(Files.readString(file));
        String service = incident.path("service").asText();
        Instant start = Instant.parse(incident.path("start").asText());
        Instant end = Instant.parse(incident.path("end").asText()).plus(DETECTION_GRACE);
        JsonNode found =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT toUnixTimestamp64Milli(time) AS t, detector, explanation"
                                + " FROM guardian.anomalies FINAL WHERE source = 'LOGS'"
                                + " AND labels['service'] = {service:String}"
                                + " AND time BETWEEN fromUnixTimestamp64Milli({from:Int64})"
                                + " AND fromUnixTimestamp64Milli({to:Int64})"
                                + " ORDER BY time",
                        Map.of(
                                "service", service,
                                "from", Long.toString(start.toEpochMilli()),
                                "to", Long.toString(end.toEpochMilli())));
        out.printf(
                "  Injected incident %s in %s (%s): %s%n",
                incident.path("kind").asText(),
                service,
                file,
                found.size() == 0 ? "NOT FOUND" : "found by " + found.size() + " anomalies");
        for (JsonNode row : found) {
            out.printf(
                    Locale.ROOT,
                    "    +%5.1f s  %s: %s%n",
                    (row.path("t").asLong() - start.toEpochMilli()) / 1000.0,
                    row.path("detector").asText(),
                    Text.clip(row.path("explanation").asText(), 100));
        }
        return found.size() > 0;
    }

    private long indexed() throws IOException, InterruptedException {
        return query.elasticsearchCount(at.elasticsearch(), "logs-*", null);
    }

    private long countRows() throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(), "SELECT count() FROM guardian.log_template_counts_1m FINAL");
    }

    private long anomalies() throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(),
                "SELECT count() FROM guardian.anomalies FINAL WHERE source = 'LOGS'");
    }
}
