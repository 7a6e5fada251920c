package dev.guardian.alerts;

import static dev.guardian.alerts.testing.TestAlerts.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.testing.RecordingHttpServer;
import dev.guardian.alerts.testing.RecordingHttpServer.Answer;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router with its production outputs against the local stack: ClickHouse tables from
 * infra/clickhouse/070_alerts.sql, Elasticsearch indices with the repository's templates, the
 * Elasticsearch delivery ledger and the Kafka dead-letter topics, all under random names. The same
 * input is run twice, as after a restart that lost every checkpoint: the second run delivers
 * nothing again (the ledger), and the tables hold each record once (FINAL).
 */
class AlertRouterOutputsIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static final String ES = "http://127.0.0.1:" + env("GUARDIAN_ES_HTTP_PORT", "9200");
    private static final String CH =
            "http://127.0.0.1:" + env("GUARDIAN_CLICKHOUSE_HTTP_PORT", "8123");
    private static final String KAFKA = "127.0.0.1:" + env("GUARDIAN_KAFKA_PORT", "9092");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN =
            UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final Path ROOT = root();
    private static final long T0 = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();

    private static final String ALERTS_TABLE = "it_" + RUN + "_alerts";
    private static final String DELIVERIES_TABLE = "it_" + RUN + "_alert_deliveries";
    private static final String ALERTS_INDEX = "guardian-alerts-it" + RUN;
    private static final String DELIVERIES_INDEX = "guardian-deliveries-it" + RUN;
    private static final String LEDGER_INDEX = "guardian-delivery-ledger-it" + RUN;
    private static final String DLQ = "it-" + RUN + "-alerts-dlq";
    private static final String DELIVERY_DLQ = "it-" + RUN + "-deliveries-dlq";

    @TempDir static Path secrets;

    @BeforeAll
    static void createTablesIndicesAndTopics() throws Exception {
        String ddl = Files.readString(ROOT.resolve("infra/clickhouse/070_alerts.sql"));
        ddl = ddl.replaceAll("(?m)--.*$", "");
        ddl = ddl.replace("guardian.alert_deliveries", "guardian." + DELIVERIES_TABLE);
        ddl = ddl.replace("guardian.alerts\n", "guardian." + ALERTS_TABLE + "\n");
        for (String statement : ddl.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                http("POST", CH + "/", statement);
            }
        }
        template("guardian-alerts.json", ALERTS_INDEX);
        template("guardian-deliveries.json", DELIVERIES_INDEX);
        template("guardian-delivery-ledger.json", LEDGER_INDEX);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(DLQ, 1, (short) 1),
                                    new NewTopic(DELIVERY_DLQ, 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    @AfterAll
    static void dropEverything() throws Exception {
        http("POST", CH + "/", "DROP TABLE IF EXISTS guardian." + ALERTS_TABLE);
        http("POST", CH + "/", "DROP TABLE IF EXISTS guardian." + DELIVERIES_TABLE);
        for (String index : List.of(ALERTS_INDEX, DELIVERIES_INDEX, LEDGER_INDEX)) {
            http("DELETE", ES + "/" + index, null);
            http("DELETE", ES + "/_index_template/it-" + index, null);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            admin.deleteTopics(List.of(DLQ, DELIVERY_DLQ)).all().get();
        }
    }

    private static void template(String file, String index) throws Exception {
        ObjectNode t =
                (ObjectNode)
                        JSON.readTree(
                                ROOT.resolve("infra/elasticsearch/templates/" + file).toFile());
        t.putArray("index_patterns").add(index);
        t.put("priority", 500);
        assertThat(http("PUT", ES + "/_index_template/it-" + index, t.toString()))
                .contains("acknowledged");
    }

    private static String secret(String name, String value) throws Exception {
        Path file = secrets.resolve(name);
        Files.writeString(file, value);
        return file.toString();
    }

    @Test
    void recordsAlertsAndDeliveriesAndNeverDeliversTwice() throws Exception {
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.always("/broken", Answer.status(503));
            RouterConfig router =
                    RouterConfigParser.parse(
                            "dedup: {auto_resolve_after: 30m}\n"
                                    + "receivers:\n"
                                    + "  - {name: pager, type: pagerduty, url_file: "
                                    + secret("pd", server.url("/pagerduty"))
                                    + ", routing_key_file: "
                                    + secret("key", "IT-ROUTING-KEY-" + RUN)
                                    + "}\n"
                                    + "  - {name: slack, type: slack, url_file: "
                                    + secret("slack", server.url("/slack/T/B/" + RUN))
                                    + "}\n"
                                    + "  - name: broken\n"
                                    + "    type: webhook\n"
                                    + "    url_file: "
                                    + secret("broken", server.url("/broken"))
                                    + "\n"
                                    + "    retry: {max_attempts: 2, initial_backoff: 10ms, max_backoff: 10ms}\n"
                                    + "routes:\n"
                                    + "  - {match: {severity: CRITICAL}, receiver: pager, continue: true}\n"
                                    + "  - {match: {labels: {team: legacy}}, receiver: broken}\n"
                                    + "  - {receiver: slack}\n");
            List<RawRecord> input = new ArrayList<>();
            input.add(alert("db", "FIRING", "CRITICAL", T0, Map.of()));
            input.add(alert("db", "FIRING", "CRITICAL", T0 + MINUTE, Map.of()));
            input.add(alert("db", "RESOLVED", "CRITICAL", T0 + 2 * MINUTE, Map.of()));
            input.add(alert("legacy", "FIRING", "ERROR", T0, Map.of("team", "legacy")));
            input.add(alert("legacy", "RESOLVED", "ERROR", T0 + MINUTE, Map.of("team", "legacy")));
            input.add(
                    new RawRecord(
                            "not an alert".getBytes(StandardCharsets.UTF_8),
                            "guardian.alerts",
                            0,
                            9,
                            0));

            run(router, input);
            int firstRun = server.requests().size();
            // pager trigger + resolve, slack trigger + resolve, broken 2 × 2 attempts
            assertThat(firstRun).isEqualTo(8);
            run(router, input); // as after a restart from nothing: same input, same ids
            assertThat(server.requests().size() - firstRun)
                    .as("requests of the replay (broken receiver only: nothing was delivered)")
                    .isEqualTo(4);

            assertThat(
                            query(
                                    "SELECT decision, count() FROM guardian."
                                            + ALERTS_TABLE
                                            + " FINAL GROUP BY decision ORDER BY decision"))
                    .isEqualTo("DUPLICATE\t1\nRESOLVE\t2\nTRIGGER\t2\n");
            assertThat(
                            query(
                                    "SELECT receiver, status, count() FROM guardian."
                                            + DELIVERIES_TABLE
                                            + " FINAL GROUP BY receiver, status ORDER BY receiver, status"))
                    .isEqualTo(
                            "broken\tfailed\t2\nbroken\tretrying\t2\n"
                                    + "pager\talready_delivered\t2\npager\tdelivered\t2\n"
                                    + "slack\talready_delivered\t2\nslack\tdelivered\t2\n");

            http("POST", ES + "/" + ALERTS_INDEX + "," + DELIVERIES_INDEX + "/_refresh", null);
            JsonNode alerts =
                    search(ALERTS_INDEX, "{\"query\":{\"term\":{\"fingerprint\":\"db\"}}}");
            assertThat(alerts.path("hits").path("total").path("value").asInt()).isEqualTo(3);
            JsonNode delivered =
                    search(DELIVERIES_INDEX, "{\"query\":{\"term\":{\"status\":\"delivered\"}}}");
            assertThat(delivered.path("hits").path("total").path("value").asInt()).isEqualTo(4);
            JsonNode ledger = search(LEDGER_INDEX, "{\"query\":{\"match_all\":{}}}");
            assertThat(ledger.path("hits").path("total").path("value").asInt()).isEqualTo(4);
            String everything = alerts.toString() + delivered + ledger;
            assertThat(everything).doesNotContain("IT-ROUTING-KEY").doesNotContain("/slack/T/B/");

            List<DeadLetter> deliveryLetters = read(DELIVERY_DLQ);
            assertThat(deliveryLetters).hasSize(4); // 2 notifications × 2 runs
            assertThat(deliveryLetters)
                    .extracting(DeadLetter::getStage)
                    .containsOnly("deliver:broken");
            List<DeadLetter> inputLetters = read(DLQ);
            assertThat(inputLetters).extracting(DeadLetter::getOffset).containsOnly(9L);
        }
    }

    private static void run(RouterConfig router, List<RawRecord> input) throws Exception {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, KAFKA);
        conf.set(ClickHouseOptions.URL, CH);
        conf.set(ElasticsearchOptions.HOSTS, List.of(ES));
        conf.set(AlertRouterOptions.WALL_CLOCK_WATERMARK, false);
        conf.set(AlertRouterOptions.ALERTS_TABLE, ALERTS_TABLE);
        conf.set(AlertRouterOptions.DELIVERIES_TABLE, DELIVERIES_TABLE);
        conf.set(AlertRouterOptions.ALERTS_INDEX, ALERTS_INDEX);
        conf.set(AlertRouterOptions.DELIVERIES_INDEX, DELIVERIES_INDEX);
        conf.set(AlertRouterOptions.LEDGER_INDEX, LEDGER_INDEX);
        conf.set(AlertRouterOptions.DEAD_LETTER_TOPIC, DLQ);
        conf.set(AlertRouterOptions.DELIVERY_DEAD_LETTER_TOPIC, DELIVERY_DLQ);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(500);
        AlertRouterJob.defineWorkflow(
                conf,
                router,
                env.fromData(input, TypeInformation.of(RawRecord.class)),
                env.fromData(
                        List.of(
                                RawRecord.of(
                                        "{\"id\":\"x\",\"match\":{\"source\":\"BILLING\"}}"
                                                .getBytes(StandardCharsets.UTF_8))),
                        TypeInformation.of(RawRecord.class)),
                new ProductionAlertRouterSinks(conf));
        env.execute("alert router IT " + RUN);
    }

    static RawRecord alert(
            String fingerprint,
            String status,
            String severity,
            long time,
            Map<String, String> labels)
            throws Exception {
        return AlertRouterWorkflowTest.alert(fingerprint, status, severity, time, labels, T0);
    }

    private static List<DeadLetter> read(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        p.put("group.id", "it-" + RUN + "-" + topic);
        p.put("auto.offset.reset", "earliest");
        RecordCodec<DeadLetter> codec = RecordCodec.of(DeadLetter.class);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(codec.decode(r.value()));
                }
                if (!letters.isEmpty() && consumer.poll(Duration.ofMillis(1000)).isEmpty()) {
                    break;
                }
            }
        }
        return letters;
    }

    private static JsonNode search(String index, String body) throws Exception {
        return JSON.readTree(http("POST", ES + "/" + index + "/_search", body));
    }

    private static String query(String sql) throws Exception {
        return http(
                "POST",
                CH + "/?query=" + URLEncoder.encode(sql + " FORMAT TSV", StandardCharsets.UTF_8),
                "");
    }

    private static String http(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        b.header("Content-Type", "application/json");
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400 && !method.equals("DELETE")) {
            throw new IllegalStateException(
                    method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/clickhouse"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
