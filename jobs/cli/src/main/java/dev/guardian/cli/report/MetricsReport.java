package dev.guardian.cli.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The metrics stream: points in, dead letters, raw points and rollups in ClickHouse, rollups in
 * InfluxDB, metric anomalies, and whether the injected incident's series were detected.
 */
final class MetricsReport implements StreamReport {

    private final HttpQuery query;
    private final Endpoints at;

    MetricsReport(HttpQuery query, Endpoints at) {
        this.query = query;
        this.at = at;
    }

    @Override
    public String stream() {
        return "metrics";
    }

    @Override
    public List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException {
        return List.of(
                new Output(stream(), "points in metrics.points", topics.getOrDefault(IN, 0L)),
                new Output(stream(), "rollup rows in ClickHouse", rollups()),
                new Output(stream(), "rollup points in InfluxDB", influxRollups()),
                new Output(stream(), "metric anomalies in ClickHouse", anomalies(null).count()));
    }

    @Override
    public void print(Map<String, Long> topics, PrintStream out)
            throws IOException, InterruptedException {
        long points =
                query.clickhouseCount(
                        at.clickhouse(), "SELECT count() FROM guardian.metric_points FINAL");
        long series =
                query.clickhouseCount(
                        at.clickhouse(), "SELECT uniqExact(series_id) FROM guardian.metric_points");
        out.println("metrics");
        out.println("  events in (metrics.points)        " + topics.getOrDefault(IN, 0L));
        out.println(
                "  dead letters (metrics.points.dlq) "
                        + topics.getOrDefault("metrics.points.dlq", 0L));
        out.println(
                "  ClickHouse metric_points          " + points + " rows, " + series + " series");
        out.println("  ClickHouse metric_rollups_1m      " + rollups() + " rows");
        out.println("  InfluxDB metric_rollups_1m        " + influxRollups() + " points");
        AnomalyReport anomalies = anomalies(out);
        anomalies.printAnomalies();
        Path incident = at.incident(stream());
        if (Files.exists(incident)) {
            anomalies.printIncident(incident);
        }
    }

    private static final String IN = "metrics.points";

    @Override
    public boolean incidentFound() throws IOException, InterruptedException {
        Path incident = at.incident(stream());
        return !Files.exists(incident) || anomalies(QUIET).printIncident(incident) > 0;
    }

    private long rollups() throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(), "SELECT count() FROM guardian.metric_rollups_1m FINAL");
    }

    private long influxRollups() throws IOException, InterruptedException {
        return query.influxCount(
                at.influxdb(), "guardian", "SELECT count(\"count\") FROM metric_rollups_1m");
    }

    private AnomalyReport anomalies(PrintStream out) {
        return new AnomalyReport(query, at.clickhouse(), out);
    }
}
