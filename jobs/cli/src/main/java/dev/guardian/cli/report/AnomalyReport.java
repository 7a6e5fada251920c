package dev.guardian.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The anomaly part of the metrics report: metric anomalies in ClickHouse (count and the worst few,
 * expected against actual), and whether the series of an injected incident ({@code guardian
 * generate metrics --incident-report FILE}) were detected.
 */
final class AnomalyReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Anomalies this long after an incident's end still count as detecting it. */
    private static final Duration DETECTION_GRACE = Duration.ofMinutes(1);

    private final HttpQuery query;
    private final String clickhouse;
    private final PrintStream out;

    AnomalyReport(HttpQuery query, String clickhouse, PrintStream out) {
        this.query = query;
        this.clickhouse = clickhouse;
        this.out = out;
    }

    /** Metric anomalies in ClickHouse. */
    long count() throws IOException, InterruptedException {
        return query.clickhouseCount(
                clickhouse,
                "SELECT count() FROM guardian.anomalies FINAL WHERE source = 'METRICS'");
    }

    /** Prints the anomalies: how many, and the worst few. */
    void printAnomalies() throws IOException, InterruptedException {
        out.println("  ClickHouse anomalies (metrics)    " + count());
        JsonNode top =
                query.clickhouse(
                        clickhouse,
                        "SELECT entity, score, grade, value, expected, toString(time) AS time"
                                + " FROM guardian.anomalies FINAL WHERE source = 'METRICS'"
                                + " ORDER BY score DESC, time DESC LIMIT 5");
        for (JsonNode row : top) {
            out.printf(
                    Locale.ROOT,
                    "    %.2f %-8s %s = %s (expected %s) at %s%n",
                    row.path("score").asDouble(),
                    row.path("grade").asText(),
                    row.path("entity").asText(),
                    number(row.path("value")),
                    number(row.path("expected")),
                    row.path("time").asText());
        }
    }

    /**
     * Whether each series of the injected incident has an anomaly in its window; returns how many
     * have.
     */
    int printIncident(Path file) throws IOException, InterruptedException {
        JsonNode incident = JSON.readTree(Files.readString(file));
        Instant start = Instant.parse(incident.path("start").asText());
        Instant end = Instant.parse(incident.path("end").asText()).plus(DETECTION_GRACE);
        List<String> lines = new ArrayList<>();
        int detected = 0;
        int total = 0;
        for (JsonNode seriesNode : incident.path("series")) {
            String series = seriesNode.asText();
            total++;
            JsonNode first =
                    query.clickhouse(
                            clickhouse,
                            "SELECT toUnixTimestamp64Milli(time) AS t, score, value, expected"
                                    + " FROM guardian.anomalies FINAL WHERE source = 'METRICS'"
                                    + " AND entity = {series:String}"
                                    + " AND time BETWEEN fromUnixTimestamp64Milli({from:Int64})"
                                    + " AND fromUnixTimestamp64Milli({to:Int64})"
                                    + " ORDER BY time LIMIT 1",
                            Map.of(
                                    "series", series,
                                    "from", Long.toString(start.toEpochMilli()),
                                    "to", Long.toString(end.toEpochMilli())));
            if (first.size() == 0) {
                lines.add("    NOT DETECTED  " + series + previousAnomaly(series, start));
                continue;
            }
            detected++;
            JsonNode row = first.get(0);
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "    +%5.1f s  score %.2f  %s = %s (expected %s)",
                            (row.path("t").asLong() - start.toEpochMilli()) / 1000.0,
                            row.path("score").asDouble(),
                            series,
                            number(row.path("value")),
                            number(row.path("expected"))));
        }
        out.printf(
                "  Injected incident %s (%s): %d of %d series detected%n",
                incident.path("kind").asText(), file, detected, total);
        lines.forEach(out::println);
        return detected;
    }

    /**
     * A series that already had an anomaly shortly before may be in the detector's cool-down, or
     * judge a repeat of the same pattern as nothing new: worth saying next to a miss.
     */
    private String previousAnomaly(String series, Instant start)
            throws IOException, InterruptedException {
        JsonNode before =
                query.clickhouse(
                        clickhouse,
                        "SELECT toUnixTimestamp64Milli(max(time)) AS t FROM guardian.anomalies"
                                + " FINAL WHERE source = 'METRICS' AND entity = {series:String}"
                                + " AND time < fromUnixTimestamp64Milli({from:Int64})"
                                + " HAVING count() > 0",
                        Map.of("series", series, "from", Long.toString(start.toEpochMilli())));
        if (before.size() == 0) {
            return "";
        }
        long seconds = (start.toEpochMilli() - before.get(0).path("t").asLong()) / 1000;
        return " (its previous anomaly was "
                + seconds
                + " s before the incident: in the detector's cool-down, or a repeat it has"
                + " learned)";
    }

    private static String number(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.4g", value.asDouble());
    }
}
