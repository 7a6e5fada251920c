package dev.guardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.cli.deploy.FlinkRestClient;
import dev.guardian.cli.deploy.JobUpgrade;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code guardian upgrade} on a running metrics job, on the local Flink cluster: the job is
 * submitted through the REST client {@code guardian submit} uses, builds up state (a rollup minute
 * half filled, a warmed anomaly model, a half-filled minute of a metric about to be dropped), then
 * is upgraded by {@link JobUpgrade} (stop with a savepoint, start from it) to a changed topology:
 * the same job with {@code guardian.metrics.drop-metrics} set, which adds an operator. After the
 * upgrade the minute's rollup must count the points from both sides, the warmed series must alert
 * on its first spike (a fresh model would still be warming up, as the cold control series shows),
 * and every point must be in ClickHouse exactly once.
 *
 * <p>Endpoints default to the local stack's ports and follow its {@code GUARDIAN_*_PORT} variables
 * (infra/local/stack.env), so the test also runs against a second stack.
 */
class MetricsJobUpgradeIT {

    private static final String HOST = "127.0.0.1";
    private static final String KAFKA = HOST + ":" + port("GUARDIAN_KAFKA_PORT", "9092");
    private static final String CLICKHOUSE =
            "http://" + HOST + ":" + port("GUARDIAN_CLICKHOUSE_HTTP_PORT", "8123") + "/";
    private static final String INFLUX =
            "http://" + HOST + ":" + port("GUARDIAN_INFLUXDB_HTTP_PORT", "8086");
    private static final String ELASTICSEARCH =
            "http://" + HOST + ":" + port("GUARDIAN_ES_HTTP_PORT", "9200");
    private static final String FLINK =
            "http://" + HOST + ":" + port("GUARDIAN_FLINK_REST_PORT", "8081");
    private static final String ENTRY_CLASS = "dev.guardian.metrics.MetricsJobMain";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The minute whose rollup spans the upgrade; all points are in the recent past. */
    private static final Instant MINUTE =
            Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);

    /** Points a model needs before it may alert (DetectorConfig.DEFAULTS warms up on 150). */
    private static final int HISTORY = 200;

    private static final String WARM = "{\"host\":\"warm\"}";
    private static final String COLD = "{\"host\":\"cold\"}";
    private static final String WARM_SERIES = "cpu_utilization{host=\"warm\"}";
    private static final String COLD_SERIES = "cpu_utilization{host=\"cold\"}";
    private static final String QUEUE = "{\"queue\":\"upgrade\"}";
    private static final String DROPPED_METRIC = "debug_probe";

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String topic = "it.upgrade." + id;
    private final List<String> topics =
            List.of(topic, topic + ".dlq", topic + ".anomalies", topic + ".alerts");
    private final String database = "it_upgrade_" + id;
    private final String index = "it-upgrade-anomalies-" + id;
    private final HttpClient http = HttpClient.newHttpClient();
    private final FlinkRestClient flink = new FlinkRestClient(FLINK);
    private final SplittableRandom noise = new SplittableRandom(11);
    private String jobId;

    @BeforeEach
    void createTopicsTablesAndDatabases() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            // one partition: the watermark then follows the order the points are sent in
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        clickhouse("CREATE DATABASE " + database);
        String ddl =
                (Files.readString(Path.of("../../infra/clickhouse/010_metrics.sql"))
                                + Files.readString(
                                        Path.of("../../infra/clickhouse/020_anomalies.sql")))
                        .replace("guardian.", database + ".");
        for (String statement : ddl.split(";\\s*\\n")) {
            String sql =
                    statement
                            .lines()
                            .filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n");
            if (!sql.isBlank()) {
                clickhouse(sql);
            }
        }
        send(URI.create(INFLUX + "/query?q=" + encode("CREATE DATABASE " + database)), "POST");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (jobId != null
                && !List.of("FINISHED", "FAILED", "CANCELED")
                        .contains(flink.job(jobId).path("state").asText())) {
            flink.cancel(jobId);
        }
        clickhouse("DROP DATABASE IF EXISTS " + database);
        send(URI.create(INFLUX + "/query?q=" + encode("DROP DATABASE " + database)), "POST");
        send(URI.create(ELASTICSEARCH + "/" + index + "?ignore_unavailable=true"), "DELETE");
        try (Admin admin = Admin.create(kafka())) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUpgradeToAChangedTopologyKeepsRollupAndDetectorState() throws Exception {
        // before: a warmed model, the first 20 seconds of a minute, a metric soon to be dropped
        List<String> before = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            // every 10 s, the last one at MINUTE + 10 s
            before.add(gauge("cpu_utilization", WARM, at(10 - 10 * (HISTORY - 1 - i)), normal()));
        }
        for (int s = 0; s < 20; s++) {
            before.add(gauge("queue_depth", QUEUE, at(s), s + 1));
        }
        for (int s = 0; s < 10; s++) {
            before.add(gauge(DROPPED_METRIC, "{}", at(s), 1));
        }
        // the watermark stays at MINUTE + 14 s (5 s out of orderness): the minute is open
        produce(sortedByTime(before));

        jobId = submit(List.of());
        assertThat(vertexNames(jobId)).noneMatch(n -> n.contains("Drop metrics by name"));
        // every point before the upgrade committed: a checkpoint after all of them has completed,
        // so the savepoint holds them in state and the restored source will not read them again
        await("points before the upgrade in ClickHouse", () -> points("1") == before.size());

        List<String> changed = List.of("--guardian.metrics.drop-metrics", "debug_.*");
        JobUpgrade.Result upgraded =
                new JobUpgrade(flink, line -> {})
                        .run(
                                jobId,
                                Path.of("target/guardian-jobs.jar"),
                                ENTRY_CLASS,
                                jobArgs(changed),
                                null,
                                PATIENCE);
        String oldJob = jobId;
        jobId = upgraded.jobId();
        assertThat(flink.job(oldJob).path("state").asText()).isEqualTo("FINISHED");
        assertThat(vertexNames(jobId)).anyMatch(n -> n.contains("Drop metrics by name"));
        JsonNode restored = awaitRestore(jobId);
        assertThat(restored.path("is_savepoint").asBoolean()).isTrue();
        assertThat(withoutScheme(restored.path("external_path").asText()))
                .isEqualTo(withoutScheme(upgraded.savepoint()));

        // after: the rest of the minute, spikes on the warm series and on a new (cold) one
        List<String> after = new ArrayList<>();
        for (int s = 20; s < 40; s++) {
            after.add(gauge("queue_depth", QUEUE, at(s), s + 1));
        }
        for (int s = 20; s < 30; s++) {
            after.add(gauge("cpu_utilization", COLD, at(s), normal()));
            after.add(gauge(DROPPED_METRIC, "{}", at(s), 1));
        }
        after.add(gauge("cpu_utilization", WARM, at(20), normal()));
        // the cold spike first: whatever it yields is committed with the warm spike's anomaly
        after.add(gauge("cpu_utilization", COLD, at(30), 0.99));
        after.add(gauge("cpu_utilization", WARM, at(30), 0.99));
        // a point well past the minute closes it (watermark MINUTE + 145 s)
        after.add(gauge("queue_depth", QUEUE, at(150), 0));
        produce(sortedByTime(after));
        int kept = before.size() + after.size() - 10;

        await("the rollup of the minute spanning the upgrade", () -> rollupOfMinute() != null);
        await("the warm series' anomaly", () -> anomalies(WARM_SERIES) > 0);
        await("every point after the upgrade", () -> points("1") >= kept);
        awaitCheckpointsBeyond(jobId, completedCheckpoints(jobId) + 2);

        JsonNode rollup = rollupOfMinute();
        assertThat(rollup.path("count").asLong()).as("points before + after").isEqualTo(40);
        assertThat(rollup.path("sum").asDouble()).isEqualTo(820.0);
        assertThat(rollup.path("min").asDouble()).as("sent before the upgrade").isEqualTo(1.0);
        assertThat(rollup.path("max").asDouble()).as("sent after the upgrade").isEqualTo(40.0);
        assertThat(rollup.path("last").asDouble()).isEqualTo(40.0);

        JsonNode spike =
                rows(
                        "SELECT toUnixTimestamp64Milli(time) AS t, value FROM "
                                + database
                                + ".anomalies FINAL WHERE entity = '"
                                + WARM_SERIES
                                + "'");
        assertThat(spike).hasSize(1);
        assertThat(spike.get(0).path("t").asLong()).isEqualTo(at(30).toEpochMilli());
        assertThat(spike.get(0).path("value").asDouble()).isEqualTo(0.99);
        assertThat(anomalies(COLD_SERIES)).as("a model without history is warming up").isZero();

        assertThat(points("1")).as("rows without FINAL: exactly once").isEqualTo(kept);
        assertThat(points("name = '" + DROPPED_METRIC + "'"))
                .as("dropped after the upgrade only")
                .isEqualTo(10);
    }

    /** Submits the job the way {@code guardian submit} does, with this test's own outputs. */
    private String submit(List<String> settings) throws Exception {
        String jarId = flink.uploadJar(Path.of("target/guardian-jobs.jar"));
        return flink.runJar(jarId, ENTRY_CLASS, jobArgs(settings), null);
    }

    private List<String> jobArgs(List<String> settings) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--guardian.kafka.bootstrap-servers",
                                KAFKA,
                                "--clickhouse.url",
                                CLICKHOUSE,
                                "--clickhouse.database",
                                database,
                                "--influxdb.url",
                                INFLUX,
                                "--influxdb.database",
                                database,
                                "--elasticsearch.hosts",
                                ELASTICSEARCH,
                                "--guardian.metrics.topic",
                                topic,
                                "--guardian.metrics.dead-letter-topic",
                                topic + ".dlq",
                                "--guardian.metrics.anomalies-topic",
                                topic + ".anomalies",
                                "--guardian.metrics.alerts-topic",
                                topic + ".alerts",
                                "--guardian.metrics.anomalies-index",
                                index,
                                "--guardian.kafka.starting-offsets",
                                "earliest",
                                "--guardian.kafka.group-id-prefix",
                                "it-" + id,
                                "--guardian.kafka.transactional-id-prefix",
                                "it-" + id,
                                "--guardian.metrics.checkpoint-interval",
                                "2s"));
        args.addAll(settings);
        return args;
    }

    private static String withoutScheme(String path) {
        return path.replaceFirst("^file:(//)?", "");
    }

    private static Instant at(long secondsIntoMinute) {
        return MINUTE.plusSeconds(secondsIntoMinute);
    }

    private double normal() {
        return 0.4 + 0.02 * noise.nextGaussian();
    }

    private static String gauge(String name, String labels, Instant at, double value) {
        return String.format(
                "{\"name\":\"%s\",\"labels\":%s,\"timestamp\":%d,\"value\":%s,\"type\":\"GAUGE\"}",
                name, labels, at.toEpochMilli(), value);
    }

    private static List<String> sortedByTime(List<String> points) {
        List<String> sorted = new ArrayList<>(points);
        // stable: points of the same instant keep their order
        sorted.sort(
                (a, b) -> {
                    try {
                        return Long.compare(
                                JSON.readTree(a).path("timestamp").asLong(),
                                JSON.readTree(b).path("timestamp").asLong());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return sorted;
    }

    private Properties kafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA);
        return props;
    }

    private void produce(List<String> records) throws Exception {
        Properties props = kafka();
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (String record : records) {
                producer.send(new ProducerRecord<>(topic, record.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private List<String> vertexNames(String job) throws Exception {
        List<String> names = new ArrayList<>();
        flink.job(job).path("vertices").forEach(v -> names.add(v.path("name").asText()));
        return names;
    }

    /** The restore the new job made, once its checkpoint coordinator reports it. */
    private JsonNode awaitRestore(String job) throws Exception {
        JsonNode[] restored = new JsonNode[1];
        await(
                "the new job's restore",
                () -> {
                    restored[0] = flink.checkpoints(job).at("/latest/restored");
                    return !restored[0].isMissingNode() && !restored[0].isNull();
                });
        return restored[0];
    }

    private long completedCheckpoints(String job) throws Exception {
        return flink.checkpoints(job).path("counts").path("completed").asLong();
    }

    /** One more checkpoint commits whatever a duplicate would have added. */
    private void awaitCheckpointsBeyond(String job, long count) throws Exception {
        await("checkpoint " + count, () -> completedCheckpoints(job) >= count);
    }

    private JsonNode rollupOfMinute() throws Exception {
        JsonNode rows =
                rows(
                        "SELECT count, sum, min, max, last FROM "
                                + database
                                + ".metric_rollups_1m FINAL WHERE name = 'queue_depth' AND minute"
                                + " = toDateTime("
                                + MINUTE.getEpochSecond()
                                + ", 'UTC')");
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long points(String where) throws Exception {
        return rows("SELECT count() AS n FROM " + database + ".metric_points WHERE " + where)
                .get(0)
                .path("n")
                .asLong();
    }

    private long anomalies(String entity) throws Exception {
        return rows("SELECT count() AS n FROM "
                        + database
                        + ".anomalies FINAL WHERE entity = '"
                        + entity
                        + "'")
                .get(0)
                .path("n")
                .asLong();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; fails naming it after {@link #PATIENCE}. */
    private void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + PATIENCE);
            }
            Thread.sleep(500);
        }
    }

    private JsonNode rows(String sql) throws Exception {
        return JSON.readTree(clickhouse(sql + " FORMAT JSON")).path("data");
    }

    private String clickhouse(String sql) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(CLICKHOUSE))
                                .POST(HttpRequest.BodyPublishers.ofString(sql))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private void send(URI uri, String method) throws Exception {
        http.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String port(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
