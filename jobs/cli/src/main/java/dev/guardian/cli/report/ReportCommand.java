package dev.guardian.cli.report;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.time.Duration;
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
 * {@code guardian report}: what the pipeline has done, stream by stream, read back from where its
 * results live — records in the input topics, dead letters, rows in ClickHouse, documents in
 * Elasticsearch, points in InfluxDB, anomalies, detections, alerts and the notifications the local
 * receiver got, and whether each injected incident was found — plus where to look next. The demo
 * waits with it ({@code --wait}, {@code --require}) and ends with it; operators can run it any
 * time.
 */
public class ReportCommand implements dev.guardian.common.cli.Command {

    private static final List<String> STREAMS =
            List.of("metrics", "logs", "security", "billing", "alerts");

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
        return "summarise what each stream has ingested and produced, and where to look";
    }

    @Override
    public String usage() {
        return "[--bootstrap HOST:PORT] [--clickhouse URL] [--elasticsearch URL] [--influxdb URL]"
                + " [--flink URL] [--receiver URL (guardian receive alerts, http://127.0.0.1:9099)]"
                + " [--incidents DIR (the generators' incident reports, STREAM-incident.json;"
                + " .local/demo)] [--require all|STREAM,... (exit 1 naming each output of these"
                + " streams that is still empty: "
                + String.join(", ", STREAMS)
                + ")]"
                + " [--wait D (first wait up to D for the required outputs, showing progress)]";
    }

    @Override
    public int run(Args args) throws Exception {
        Endpoints at = Endpoints.from(args);
        List<String> required = required(args.string("require", ""));
        Duration wait = args.duration("wait", Duration.ZERO);
        args.rejectUnknown();

        HttpQuery query = new HttpQuery();
        List<StreamReport> reports =
                List.of(
                        new MetricsReport(query, at),
                        new LogsReport(query, at),
                        new SecurityReport(query, at),
                        new BillingReport(query, at),
                        new AlertsReport(query, at));
        List<StreamReport> checked =
                reports.stream().filter(r -> required.contains(r.stream())).toList();
        List<Output> missing = new OutputWait(checked, at.bootstrap(), System.out).await(wait);

        Map<String, Long> topics = topicCounts(at.bootstrap());
        System.out.println();
        System.out.println("Guardian pipeline report");
        for (StreamReport report : reports) {
            System.out.println();
            report.print(topics, System.out);
        }
        System.out.println();
        System.out.println("Where to look");
        System.out.println("  Flink web UI     " + at.flink());
        System.out.println(
                "  ClickHouse       "
                        + at.clickhouse()
                        + "  (HTTP; e.g. curl --data-binary @query.sql)");
        System.out.println("  Elasticsearch    " + at.elasticsearch());
        System.out.println("  InfluxDB         " + at.influxdb() + "  (database guardian)");
        System.out.println("  Notifications    " + at.receiver() + "/received");
        System.out.println();
        System.out.println("Queries an analyst would run (ClickHouse)");
        for (String example : EXAMPLES) {
            System.out.println(example);
        }
        if (!missing.isEmpty()) {
            System.err.println();
            for (Output output : missing) {
                System.err.println(
                        "guardian report: " + output.stream() + " produced no " + output.what());
            }
            return 1;
        }
        return 0;
    }

    static List<String> required(String list) {
        if (list.isBlank()) {
            return List.of();
        }
        if (list.equals("all")) {
            return STREAMS;
        }
        List<String> streams = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!STREAMS.contains(name.strip())) {
                throw new UsageException(
                        "--require: unknown stream '"
                                + name.strip()
                                + "'; streams: all, "
                                + String.join(", ", STREAMS));
            }
            streams.add(name.strip());
        }
        return streams;
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
                            + "  GROUP BY host HAVING hot_minutes >= 3 ORDER BY hot_minutes DESC;",
                    "  -- error lines per service and minute, with the templates behind them\n"
                            + "  SELECT minute, service, sum(count) AS errors, any(template) AS example\n"
                            + "  FROM guardian.log_template_counts_1m FINAL WHERE severity IN ('ERROR', 'FATAL')\n"
                            + "  GROUP BY minute, service ORDER BY minute DESC, errors DESC LIMIT 20;",
                    "  -- who triggered which detection rules, from where\n"
                            + "  SELECT rule_title, actor, source_ip, count() AS detections\n"
                            + "  FROM guardian.detections FINAL GROUP BY ALL ORDER BY detections DESC LIMIT 20;",
                    "  -- daily effective cost per account and service over the last week\n"
                            + "  SELECT day, billing_account_name, service_name, sum(effective_cost) AS cost\n"
                            + "  FROM guardian.billing_cost_daily FINAL WHERE day >= today() - 7\n"
                            + "  GROUP BY ALL ORDER BY day, cost DESC;",
                    "  -- what paged, and what the router did with each alert change\n"
                            + "  SELECT time, source, severity, decision, title FROM guardian.alerts FINAL\n"
                            + "  ORDER BY time DESC LIMIT 20;");

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
