package dev.guardian.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert router: alert changes in from every job ({@code guardian.alerts}, by source), the
 * router's decisions and deliveries in ClickHouse and Elasticsearch, and what the local receiver
 * ({@code guardian receive alerts}) got, line by line, as PagerDuty, Slack and a webhook would.
 */
final class AlertsReport implements StreamReport {

    /** The newest notifications printed in full. */
    private static final int SHOWN = 12;

    private final HttpQuery query;
    private final Endpoints at;

    AlertsReport(HttpQuery query, Endpoints at) {
        this.query = query;
        this.at = at;
    }

    @Override
    public String stream() {
        return "alerts";
    }

    @Override
    public List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException {
        return List.of(
                new Output(
                        stream(),
                        "alerts in guardian.alerts",
                        topics.getOrDefault("guardian.alerts", 0L)),
                new Output(stream(), "alert changes in ClickHouse", changes()),
                new Output(stream(), "notifications delivered", delivered()),
                new Output(stream(), "notifications the local receiver got", received().size()));
    }

    /** The router has no incident of its own: it carries the others'. */
    @Override
    public boolean incidentFound() {
        return true;
    }

    @Override
    public void print(Map<String, Long> topics, PrintStream out)
            throws IOException, InterruptedException {
        out.println("alerts");
        Map<String, int[]> bySource = new TreeMap<>();
        for (Alert alert : AlertTopic.readAll(at.bootstrap())) {
            int[] counts = bySource.computeIfAbsent(alert.getSource().name(), s -> new int[2]);
            counts[alert.getStatus() == AlertStatus.FIRING ? 0 : 1]++;
        }
        out.println(
                "  Kafka guardian.alerts             "
                        + topics.getOrDefault("guardian.alerts", 0L)
                        + " records (read committed, by source):");
        bySource.forEach(
                (source, counts) ->
                        out.printf(
                                "    %-9s %d firing, %d resolved%n",
                                source.toLowerCase(java.util.Locale.ROOT), counts[0], counts[1]));
        out.println("  ClickHouse alerts                 " + changes() + " changes, by decision:");
        JsonNode decisions =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT decision, count() AS n FROM guardian.alerts FINAL"
                                + " GROUP BY decision ORDER BY n DESC");
        for (JsonNode row : decisions) {
            out.printf("    %-12s %d%n", row.path("decision").asText(), row.path("n").asLong());
        }
        JsonNode receivers =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT receiver, uniqExactIf(delivery_id, status = 'delivered') AS ok,"
                                + " countIf(status = 'failed') AS failed"
                                + " FROM guardian.alert_deliveries FINAL GROUP BY receiver"
                                + " ORDER BY receiver");
        out.println("  ClickHouse alert_deliveries       " + delivered() + " delivered:");
        for (JsonNode row : receivers) {
            out.printf(
                    "    %-12s %d delivered, %d failed%n",
                    row.path("receiver").asText(),
                    row.path("ok").asLong(),
                    row.path("failed").asLong());
        }
        out.println(
                "  Elasticsearch guardian-alerts     "
                        + query.elasticsearchCount(at.elasticsearch(), "guardian-alerts*", null));
        long delivered = delivered();
        if (delivered > 0) {
            out.printf(
                    java.util.Locale.ROOT,
                    "  Volume: %d alert changes in, %d notifications out (%.1f to 1)%n",
                    changes(),
                    delivered,
                    changes() / (double) delivered);
        }
        List<JsonNode> received = received();
        out.println(
                "  Local receiver "
                        + at.receiver()
                        + ": "
                        + received.size()
                        + " notifications "
                        + summary());
        for (JsonNode r : received.subList(Math.max(0, received.size() - SHOWN), received.size())) {
            out.println("    " + Text.clip(r.path("line").asText(), 150));
        }
    }

    private long changes() throws IOException, InterruptedException {
        return query.clickhouseCount(at.clickhouse(), "SELECT count() FROM guardian.alerts FINAL");
    }

    private long delivered() throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(),
                "SELECT uniqExact(delivery_id) FROM guardian.alert_deliveries FINAL"
                        + " WHERE status = 'delivered'");
    }

    /** What the receiver recorded; nothing when it is not running. */
    private List<JsonNode> received() throws InterruptedException {
        try {
            List<JsonNode> all = new java.util.ArrayList<>();
            query.getJson(at.receiver() + "/received").forEach(all::add);
            return all;
        } catch (IOException notRunning) {
            return List.of();
        }
    }

    private String summary() throws InterruptedException {
        try {
            return query.getJson(at.receiver() + "/summary").toString();
        } catch (IOException notRunning) {
            return "(not reachable: is guardian receive alerts running?)";
        }
    }
}
