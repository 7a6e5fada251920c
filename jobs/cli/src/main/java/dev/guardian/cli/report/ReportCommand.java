package dev.guardian.cli.report;

import dev.guardian.common.cli.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code guardian report}: what the pipeline has done, read back from where its results live —
 * records in the input topics, rows in ClickHouse, points in InfluxDB, dead letters — plus where to
 * look next. The demo ends with it; operators can run it any time.
 */
public class ReportCommand implements dev.guardian.common.cli.Command {

    @Override
    public String verb() {
        return "report";
    }

    @Override
    public String subject() {
        return "";
    }

    @Override
    public String summary() {
        return "summarise what the pipeline has ingested and produced, and where to look";
    }

    @Override
    public String usage() {
        return "[--bootstrap HOST:PORT] [--clickhouse URL] [--influxdb URL] [--flink URL]"
                + " [--min-rollups N] (exit 1 when fewer rollup rows than N are in ClickHouse)"
                + " [--min-anomalies N] (likewise for metric anomalies)"
                + " [--incident FILE] (an incident report of guardian generate metrics: were its"
                + " series detected? default .local/demo-incident.json when present)";
    }

    @Override
    public int run(Args args) throws Exception {
        String bootstrap = args.string("bootstrap", "127.0.0.1:9092");
        String clickhouse = args.string("clickhouse", "http://127.0.0.1:8123");
        String influx = args.string("influxdb", "http://127.0.0.1:8086");
        String flink = args.string("flink", "http://127.0.0.1:8081");
        long minRollups = args.longValue("min-rollups", 0);
        long minAnomalies = args.longValue("min-anomalies", 0);
        Path incident = Path.of(args.string("incident", ".local/demo-incident.json"));
        args.rejectUnknown();

        HttpQuery query = new HttpQuery();
        Map<String, Long> topics = topicCounts(bootstrap);
        long points =
                query.clickhouseCount(
                        clickhouse, "SELECT count() FROM guardian.metric_points FINAL");
        long series =
                query.clickhouseCount(
                        clickhouse, "SELECT uniqExact(series_id) FROM guardian.metric_points");
        long rollups =
                query.clickhouseCount(
                        clickhouse, "SELECT count() FROM guardian.metric_rollups_1m FINAL");
        long influxRollups =
                query.influxCount(
                        influx, "guardian", "SELECT count(\"count\") FROM metric_rollups_1m");

        System.out.println();
        System.out.println("Guardian pipeline report");
        System.out.println(
                "  events in (metrics.points)        " + topics.getOrDefault("metrics.points", 0L));
        System.out.println(
                "  dead letters (metrics.points.dlq) "
                        + topics.getOrDefault("metrics.points.dlq", 0L));
        System.out.println(
                "  ClickHouse metric_points          " + points + " rows, " + series + " series");
        System.out.println("  ClickHouse metric_rollups_1m      " + rollups + " rows");
        System.out.println("  InfluxDB metric_rollups_1m        " + influxRollups + " points");
        AnomalyReport anomalyReport = new AnomalyReport(query, clickhouse, System.out);
        long anomalies = anomalyReport.printAnomalies();
        anomalyReport.printAlerts(bootstrap);
        if (Files.exists(incident)) {
            anomalyReport.printIncident(incident);
        }
        for (Map.Entry<String, Long> topic : topics.entrySet()) {
            if (topic.getKey().startsWith("guardian.") && topic.getValue() > 0) {
                System.out.printf("  Kafka %-28s %d%n", topic.getKey(), topic.getValue());
            }
        }
        System.out.println();
        System.out.println("Where to look");
        System.out.println("  Flink web UI     " + flink);
        System.out.println(
                "  ClickHouse       "
                        + clickhouse
                        + "  (HTTP; e.g. curl --data-binary @query.sql)");
        System.out.println("  Elasticsearch    http://127.0.0.1:9200");
        System.out.println("  InfluxDB         " + influx + "  (database guardian)");
        System.out.println();
        System.out.println("Three queries an analyst would run");
        for (String example : EXAMPLES) {
            System.out.println(example);
        }
        return rollups >= minRollups && anomalies >= minAnomalies ? 0 : 1;
    }

    static final List<String> EXAMPLES =
            List.of(
                    "  -- busiest series in the last hour\n"
                            + "  SELECT series, count() AS points FROM guardian.metric_points\n"
                            + "  WHERE ts > now() - INTERVAL 1 HOUR GROUP BY series ORDER BY points DESC LIMIT 10;",
                    "  -- per-minute p95 of CPU across hosts\n"
                            + "  SELECT minute, quantile(0.95)(max) AS p95_cpu FROM guardian.metric_rollups_1m FINAL\n"
                            + "  WHERE name = 'cpu_utilization' GROUP BY minute ORDER BY minute;",
                    "  -- hosts whose CPU ran above 90% (0.9) for three or more minutes\n"
                            + "  SELECT labels['host'] AS host, countIf(max > 0.9) AS hot_minutes\n"
                            + "  FROM guardian.metric_rollups_1m FINAL WHERE name = 'cpu_utilization'\n"
                            + "  GROUP BY host HAVING hot_minutes >= 3 ORDER BY hot_minutes DESC;");

    /** Records per topic: end offset minus start offset, summed over partitions. */
    static Map<String, Long> topicCounts(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            List<String> names =
                    new ArrayList<>(admin.listTopics().names().get(15, TimeUnit.SECONDS));
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
            List<TopicPartition> partitions =
                    descriptions.values().stream()
                            .flatMap(
                                    d ->
                                            d.partitions().stream()
                                                    .map(
                                                            p ->
                                                                    new TopicPartition(
                                                                            d.name(),
                                                                            p.partition())))
                            .collect(Collectors.toList());
            Map<TopicPartition, OffsetSpec> latest =
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetSpec> earliest =
                    partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(15, TimeUnit.SECONDS);
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (TopicPartition p : partitions) {
                counts.merge(p.topic(), ends.get(p).offset() - starts.get(p).offset(), Long::sum);
            }
            return counts;
        }
    }
}
