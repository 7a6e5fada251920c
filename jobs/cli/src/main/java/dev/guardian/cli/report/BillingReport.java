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
 * The billing stream: FOCUS records in, dead letters, records and hourly cost in ClickHouse,
 * forecasts, cost anomalies with their root cause, cost and budget alerts, and whether each
 * injected cost incident ({@code guardian generate billing --incident-report FILE}) was found on
 * its account and service.
 */
final class BillingReport implements StreamReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN = "billing.records";

    /** An hour is judged once it closes: an anomaly this long after the incident still counts. */
    private static final Duration DETECTION_GRACE = Duration.ofHours(1);

    private final HttpQuery query;
    private final Endpoints at;

    BillingReport(HttpQuery query, Endpoints at) {
        this.query = query;
        this.at = at;
    }

    @Override
    public String stream() {
        return "billing";
    }

    @Override
    public List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException {
        return List.of(
                new Output(stream(), "records in billing.records", topics.getOrDefault(IN, 0L)),
                new Output(
                        stream(), "hourly cost rows in ClickHouse", count("billing_cost_hourly")),
                new Output(stream(), "forecasts in ClickHouse", count("cost_forecasts")),
                new Output(stream(), "cost anomalies in ClickHouse", count("cost_anomalies")));
    }

    @Override
    public void print(Map<String, Long> topics, PrintStream out)
            throws IOException, InterruptedException {
        out.println("billing");
        out.println("  events in (billing.records)       " + topics.getOrDefault(IN, 0L));
        out.println("  dead letters (billing.records.dlq) " + topics.getOrDefault(IN + ".dlq", 0L));
        out.println("  ClickHouse billing_records        " + count("billing_records") + " rows");
        out.println(
                "  ClickHouse billing_cost_hourly    " + count("billing_cost_hourly") + " rows");
        out.println("  ClickHouse cost_forecasts         " + count("cost_forecasts") + " rows");
        out.println("  ClickHouse budget_status          " + count("budget_status") + " rows");
        out.println("  ClickHouse cost_alerts            " + count("cost_alerts") + " rows");
        out.println("  ClickHouse cost_anomalies         " + count("cost_anomalies"));
        JsonNode worst =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT toString(time) AS time, entity, toFloat64(excess) AS excess,"
                                + " currency, root_cause_dimension AS dim, root_cause_value AS cause,"
                                + " toFloat64(root_cause_amount) AS cause_amount"
                                + " FROM guardian.cost_anomalies FINAL"
                                + " ORDER BY excess DESC LIMIT 5");
        for (JsonNode row : worst) {
            out.println("    " + row.path("time").asText() + "  " + anomaly(row));
        }
        Path incident = at.incident(stream());
        if (Files.exists(incident)) {
            for (JsonNode each : JSON.readTree(Files.readString(incident)).path("incidents")) {
                printIncident(each, incident, out);
            }
        }
    }

    @Override
    public boolean incidentFound() throws IOException, InterruptedException {
        Path incident = at.incident(stream());
        if (!Files.exists(incident)) {
            return true;
        }
        for (JsonNode each : JSON.readTree(Files.readString(incident)).path("incidents")) {
            if (!printIncident(each, incident, QUIET)) {
                return false;
            }
        }
        return true;
    }

    private boolean printIncident(JsonNode incident, Path file, PrintStream out)
            throws IOException, InterruptedException {
        Instant start = Instant.parse(incident.path("start").asText());
        Instant end = Instant.parse(incident.path("end").asText()).plus(DETECTION_GRACE);
        JsonNode found =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT toUnixTimestamp(time) * 1000 AS t, entity,"
                                + " toFloat64(excess) AS excess, currency,"
                                + " root_cause_dimension AS dim, root_cause_value AS cause,"
                                + " toFloat64(root_cause_amount) AS cause_amount"
                                + " FROM guardian.cost_anomalies FINAL"
                                + " WHERE billing_account_id = {account:String}"
                                + " AND service_name = {service:String}"
                                + " AND time BETWEEN fromUnixTimestamp64Milli({from:Int64})"
                                + " AND fromUnixTimestamp64Milli({to:Int64})"
                                + " ORDER BY time LIMIT 1",
                        Map.of(
                                "account", incident.path("billingAccountId").asText(),
                                "service", incident.path("serviceName").asText(),
                                "from", Long.toString(start.toEpochMilli()),
                                "to", Long.toString(end.toEpochMilli())));
        out.printf(
                "  Injected incident %s on %s (%s): %s%n",
                incident.path("kind").asText(),
                incident.path("entity").asText(),
                file,
                found.size() == 0 ? "NOT FOUND" : "found");
        if (found.size() > 0) {
            JsonNode row = found.get(0);
            out.printf(
                    Locale.ROOT,
                    "    +%.0f h of billing time  %s%n    expected cause: %s%n",
                    (row.path("t").asLong() - start.toEpochMilli()) / 3_600_000.0,
                    anomaly(row),
                    incident.path("expectedCause").asText());
        }
        return found.size() > 0;
    }

    private static String anomaly(JsonNode row) {
        return String.format(
                Locale.ROOT,
                "%s  %.2f %s over forecast; root cause %s=%s (%.2f)",
                row.path("entity").asText(),
                row.path("excess").asDouble(),
                row.path("currency").asText(),
                row.path("dim").asText(),
                row.path("cause").asText(),
                row.path("cause_amount").asDouble());
    }

    /** Rows of one of the billing job's tables (fixed names written in this class). */
    private long count(String table) throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(), "SELECT count() FROM guardian." + table + " FINAL");
    }
}
