package dev.guardian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.cli.deploy.FlinkRestClient;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar on the local Flink session cluster, end to end: points and bad records into a
 * fresh topic, the metrics job submitted through the REST API, and the results read back from
 * ClickHouse (exactly once, without FINAL), InfluxDB and the dead-letter topic.
 */
class MetricsJobOnClusterIT {

    private static final String KAFKA = "127.0.0.1:9092";
    private static final String CLICKHOUSE = "http://127.0.0.1:8123/";
    private static final String INFLUX = "http://127.0.0.1:8086";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String topic = "it.metrics." + id;
    private final String deadLetterTopic = topic + ".dlq";
    private final String database = "it_metrics_" + id;
    private final HttpClient http = HttpClient.newHttpClient();
    private final FlinkRestClient flink = new FlinkRestClient("http://127.0.0.1:8081");
    private String jobId;

    @BeforeEach
    void createTopicsTablesAndDatabase() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 2, (short) 1),
                                    new NewTopic(deadLetterTopic, 1, (short) 1),
                                    new NewTopic(topic + ".anomalies", 1, (short) 1),
                                    new NewTopic(topic + ".alerts", 1, (short) 1)))
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
        influx("CREATE DATABASE " + database);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (jobId != null) {
            flink.cancel(jobId);
        }
        clickhouse("DROP DATABASE IF EXISTS " + database);
        influx("DROP DATABASE " + database);
        try (Admin admin = Admin.create(kafka())) {
            admin.deleteTopics(
                            List.of(
                                    topic,
                                    deadLetterTopic,
                                    topic + ".anomalies",
                                    topic + ".alerts"))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesEveryPointOnceAndDeadLettersEveryBadRecord() throws Exception {
        // five series, 60 points each, one every two seconds, all in the recent past
        Instant start = Instant.now().minus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MINUTES);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            for (int s = 0; s < 5; s++) {
                records.add(
                        String.format(
                                        "{\"name\":\"queue_depth\",\"labels\":{\"queue\":\"q%d\"},"
                                                + "\"timestamp\":%d,\"value\":%d,\"type\":\"GAUGE\"}",
                                        s, start.plusSeconds(2L * i).toEpochMilli(), i)
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
        List<byte[]> bad =
                List.of(
                        "{\"labels\":{},\"timestamp\":1,\"value\":1}"
                                .getBytes(StandardCharsets.UTF_8),
                        "{\"name\":\"x\",\"timestamp\":\"soon\",\"value\":1}"
                                .getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xc3, 0x01, 0x7f, 0x00},
                        "not json at all".getBytes(StandardCharsets.UTF_8));
        // one point of the next minute moves the watermark past the last full minute
        records.add(
                String.format(
                                "{\"name\":\"queue_depth\",\"labels\":{\"queue\":\"q0\"},"
                                        + "\"timestamp\":%d,\"value\":0}",
                                start.plusSeconds(300).toEpochMilli())
                        .getBytes(StandardCharsets.UTF_8));
        produce(records, bad);

        String jarId = flink.uploadJar(Path.of("target/guardian-jobs.jar"));
        jobId =
                flink.runJar(
                        jarId,
                        "dev.guardian.metrics.MetricsJobMain",
                        List.of(
                                "--guardian.metrics.topic",
                                topic,
                                "--guardian.metrics.dead-letter-topic",
                                deadLetterTopic,
                                "--guardian.metrics.anomalies-topic",
                                topic + ".anomalies",
                                "--guardian.metrics.alerts-topic",
                                topic + ".alerts",
                                "--guardian.metrics.anomalies-index",
                                "it-anomalies-" + id,
                                "--guardian.kafka.starting-offsets",
                                "earliest",
                                "--guardian.kafka.group-id-prefix",
                                "it-" + id,
                                "--guardian.kafka.transactional-id-prefix",
                                "it-" + id,
                                "--guardian.metrics.checkpoint-interval",
                                "2s",
                                "--guardian.metrics.idleness",
                                "2s",
                                "--clickhouse.database",
                                database,
                                "--influxdb.database",
                                database),
                        null);

        long points = awaitCount("SELECT count() FROM " + database + ".metric_points", 301);
        assertThat(points).as("rows without FINAL: exactly once").isEqualTo(301);
        long rollups =
                awaitCount("SELECT count() FROM " + database + ".metric_rollups_1m FINAL", 5);
        assertThat(rollups).isGreaterThanOrEqualTo(5);
        // every closed minute of a series counts exactly the raw points of that minute
        JsonNode mismatches =
                clickhouseRows(
                        "SELECT r.series, r.minute, r.count, p.n FROM "
                                + database
                                + ".metric_rollups_1m AS r FINAL INNER JOIN (SELECT series_id,"
                                + " toStartOfMinute(ts) AS minute, count() AS n FROM "
                                + database
                                + ".metric_points FINAL GROUP BY series_id, minute) AS p ON"
                                + " r.series_id = p.series_id AND r.minute = p.minute WHERE r.count"
                                + " != p.n");
        assertThat(mismatches).isEmpty();
        assertThat(influxCount()).isGreaterThanOrEqualTo(5);

        List<DeadLetter> letters = deadLetters(bad.size());
        assertThat(letters).hasSize(bad.size());
        assertThat(letters).allSatisfy(l -> assertThat(l.getErrorMessage()).isNotBlank());
        assertThat(letters).extracting(DeadLetter::getTopic).containsOnly(topic);
    }

    private Properties kafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA);
        return props;
    }

    private void produce(List<byte[]> good, List<byte[]> bad) throws Exception {
        Properties props = kafka();
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (byte[] record : good) {
                producer.send(new ProducerRecord<>(topic, record));
            }
            for (byte[] record : bad) {
                producer.send(new ProducerRecord<>(topic, record));
            }
            producer.flush();
        }
    }

    private List<DeadLetter> deadLetters(int expected) {
        Properties props = kafka();
        props.put("group.id", "it-dlq-" + id);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        RecordCodec<DeadLetter> codec = RecordCodec.of(DeadLetter.class);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(deadLetterTopic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (letters.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    letters.add(codec.decode(r.value()));
                }
            }
            // anything beyond the expected letters would be a duplicate
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(3))) {
                letters.add(codec.decode(r.value()));
            }
        }
        return letters;
    }

    /** Waits until a count reaches {@code expected} (or three minutes pass) and returns it. */
    private long awaitCount(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long count = 0;
        while (System.nanoTime() < deadline) {
            count = clickhouseRows(sql).get(0).elements().next().asLong();
            if (count >= expected) {
                Thread.sleep(3000); // one more checkpoint: a duplicate would show now
                return clickhouseRows(sql).get(0).elements().next().asLong();
            }
            Thread.sleep(1000);
        }
        return count;
    }

    private long influxCount() throws Exception {
        String url =
                INFLUX
                        + "/query?db="
                        + database
                        + "&q="
                        + URLEncoder.encode(
                                "SELECT count(\"count\") FROM metric_rollups_1m",
                                StandardCharsets.UTF_8);
        JsonNode body =
                JSON.readTree(
                        http.send(
                                        HttpRequest.newBuilder(URI.create(url)).GET().build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body());
        JsonNode values = body.path("results").path(0).path("series").path(0).path("values");
        return values.size() == 0 ? 0 : values.get(0).get(1).asLong();
    }

    private JsonNode clickhouseRows(String sql) throws Exception {
        String body = clickhouse(sql + " FORMAT JSON");
        return JSON.readTree(body).path("data");
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

    private void influx(String statement) throws Exception {
        http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        INFLUX
                                                + "/query?q="
                                                + URLEncoder.encode(
                                                        statement, StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
