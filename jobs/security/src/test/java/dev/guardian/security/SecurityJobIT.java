package dev.guardian.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.job.JobConfiguration;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.security.detect.ConsoleBruteForceDetector;
import java.net.URI;
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
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production job ({@link SecurityJobMain#defineJob}) on a mini cluster against the real local
 * Kafka, ClickHouse and Elasticsearch (./guardian stack up), with fresh topics, database and index:
 * CloudTrail in, a rule added through the rules topic, and the results read back from every output.
 */
class SecurityJobIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final String KAFKA = "127.0.0.1:9092";
    private static final String CLICKHOUSE = "http://127.0.0.1:8123/";
    private static final String ELASTICSEARCH = "http://127.0.0.1:9200/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String topic = "it.security." + id;
    private final String deadLetterTopic = topic + ".dlq";
    private final String rulesTopic = "it.rules." + id;
    private final String detectionsTopic = "it.detections." + id;
    private final String alertsTopic = "it.alerts." + id;
    private final String database = "it_security_" + id;
    private final String index = "guardian-detections-it-" + id;
    private final HttpClient http = HttpClient.newHttpClient();
    private JobClient job;

    @BeforeEach
    void createTopicsTablesAndIndex() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 2, (short) 1),
                                    new NewTopic(deadLetterTopic, 1, (short) 1),
                                    new NewTopic(rulesTopic, 1, (short) 1),
                                    new NewTopic(detectionsTopic, 2, (short) 1),
                                    new NewTopic(alertsTopic, 2, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        clickhouse("CREATE DATABASE " + database);
        String ddl =
                Files.readString(Path.of("../../infra/clickhouse/050_security.sql"))
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
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (job != null) {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
        clickhouse("DROP DATABASE IF EXISTS " + database);
        http.send(
                HttpRequest.newBuilder(URI.create(ELASTICSEARCH + index)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        try (Admin admin = Admin.create(kafka())) {
            admin.deleteTopics(
                            List.of(
                                    topic,
                                    deadLetterTopic,
                                    rulesTopic,
                                    detectionsTopic,
                                    alertsTopic))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    static String login(Instant time, String user, boolean success, String eventId) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\""
                + time
                + "\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                + "\"eventType\":\"AwsConsoleSignIn\",\"eventID\":\""
                + eventId
                + "\",\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\"111122223333\","
                + "\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"Mozilla/5.0\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"111122223333\","
                + "\"userName\":\""
                + user
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/"
                + user
                + "\"},"
                + (success ? "" : "\"errorMessage\":\"Failed authentication\",")
                + "\"additionalEventData\":{\"MFAUsed\":\"No\"},"
                + "\"responseElements\":{\"ConsoleLogin\":\""
                + (success ? "Success" : "Failure")
                + "\"}}";
    }

    static String call(Instant time, String source, String name, String user, String eventId) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\""
                + time
                + "\",\"eventSource\":\""
                + source
                + "\",\"eventName\":\""
                + name
                + "\",\"eventID\":\""
                + eventId
                + "\",\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\"111122223333\","
                + "\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"aws-cli/2.15.0\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"111122223333\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/"
                + user
                + "\"},\"requestParameters\":{\"name\":\"org-trail\"}}";
    }

    static final String CANARY_RULE =
            "title: IT canary called\n"
                    + "id: 0c2f5e9a-3f43-4a8e-9d1e-5b7e2c1d0a99\n"
                    + "logsource:\n  product: aws\n  service: cloudtrail\n"
                    + "detection:\n  selection:\n    eventName: ItCanaryCalled\n"
                    + "  condition: selection\n"
                    + "level: high\n"
                    + "tags:\n  - attack.discovery\n  - attack.t1580\n";

    @Test
    void cloudTrailToEveryOutputWithRulesFromTheDirectoryAndTheTopic() throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        produce(rulesTopic, List.of("it_canary.yml"), List.of(CANARY_RULE));

        StringBuilder envelope = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 5; i++) {
            envelope.append(i == 0 ? "" : ",")
                    .append(login(t0.plusSeconds(10L * i), "mallory", false, "fail-" + i));
        }
        envelope.append("]}");
        List<String> good =
                List.of(
                        envelope.toString(),
                        login(t0.plusSeconds(60), "mallory", true, "success-1"),
                        call(
                                t0.plusSeconds(90),
                                "ec2.amazonaws.com",
                                "ItCanaryCalled",
                                "bob",
                                "canary-1"),
                        call(
                                t0.plusSeconds(120),
                                "cloudtrail.amazonaws.com",
                                "StopLogging",
                                "alice",
                                "stop-1"),
                        // later traffic moves event time past the success, so the brute force is
                        // judged
                        call(
                                t0.plusSeconds(300),
                                "ec2.amazonaws.com",
                                "DescribeInstances",
                                "carol",
                                "later-1"));
        List<String> bad =
                List.of(
                        "{\"eventName\": \"ConsoleLogin\", \"userIdentity\": {",
                        "{\"eventTime\":\"" + t0 + "\",\"eventSource\":\"s3.amazonaws.com\"}",
                        "{\"eventTime\":\""
                                + t0
                                + "\",\"eventName\":\"PutObject\",\"requestParameters\":{\"blob\":\""
                                + "x".repeat(100_000)
                                + "\"}}");
        List<String> all = new ArrayList<>(good);
        all.addAll(bad);
        produce(topic, null, all);

        String rulesDir =
                SharedData.resolve("security/sigma-cloudtrail").toAbsolutePath().toString();
        Configuration conf =
                JobConfiguration.fromArgs(
                        new String[] {
                            "--guardian.security.topic",
                            topic,
                            "--guardian.security.dead-letter-topic",
                            deadLetterTopic,
                            "--guardian.security.rules-topic",
                            rulesTopic,
                            "--guardian.security.detections-topic",
                            detectionsTopic,
                            "--guardian.security.alerts-topic",
                            alertsTopic,
                            "--guardian.security.detections-index",
                            index,
                            "--guardian.security.rules-dir",
                            rulesDir,
                            "--guardian.security.max-message-bytes",
                            "65536",
                            "--guardian.security.checkpoint-interval",
                            "1s",
                            "--guardian.security.out-of-orderness",
                            "1s",
                            "--guardian.security.idleness",
                            "2s",
                            "--guardian.kafka.starting-offsets",
                            "earliest",
                            "--guardian.kafka.group-id-prefix",
                            "it-" + id,
                            "--guardian.kafka.transactional-id-prefix",
                            "it-" + id,
                            "--clickhouse.database",
                            database,
                            "--elasticsearch.batch.flush-interval",
                            "200ms"
                        },
                        SecurityJobMain.options());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        SecurityJobMain.defineJob(env, conf);
        job = env.executeAsync(SecurityJob.NAME);

        // every event once in ClickHouse, without FINAL (exactly-once sink)
        long events = awaitCount("SELECT count() FROM " + database + ".security_events", 9);
        assertThat(events).isEqualTo(9);

        RecordCodec<Detection> detectionCodec = RecordCodec.of(Detection.class);
        List<Detection> detections =
                consume(
                        detectionsTopic,
                        detectionCodec::decode,
                        ds ->
                                ds.stream()
                                                .anyMatch(
                                                        d ->
                                                                d.getRuleId()
                                                                        .equals(
                                                                                ConsoleBruteForceDetector
                                                                                        .RULE_ID))
                                        && ds.stream()
                                                .anyMatch(
                                                        d ->
                                                                d.getRuleTitle()
                                                                        .equals(
                                                                                "IT canary called")));
        assertThat(detections)
                .extracting(Detection::getRuleTitle)
                .contains(
                        "IT canary called",
                        "AWS CloudTrail Important Change",
                        "AWS Successful Console Login Without MFA",
                        "Console login succeeded after repeated failures");
        Detection bruteForce =
                detections.stream()
                        .filter(d -> d.getRuleId().equals(ConsoleBruteForceDetector.RULE_ID))
                        .findFirst()
                        .orElseThrow();
        assertThat(bruteForce.getGroupBy()).containsEntry("principal", "111122223333:mallory");

        RecordCodec<Alert> alertCodec = RecordCodec.of(Alert.class);
        List<Alert> alerts =
                consume(
                        alertsTopic,
                        alertCodec::decode,
                        as ->
                                as.stream()
                                        .anyMatch(a -> bruteForce.getId().equals(a.getOriginId())));
        Alert bruteForceAlert =
                alerts.stream()
                        .filter(a -> bruteForce.getId().equals(a.getOriginId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(bruteForceAlert.getSeverity()).isEqualTo(AlertSeverity.ERROR);
        assertThat(bruteForceAlert.getLabels())
                .containsEntry("attack_techniques", "T1110,T1078.004");

        // the detections table holds each detection once
        Set<String> ids = new HashSet<>();
        detections.forEach(d -> ids.add(d.getId()));
        long rows = awaitCount("SELECT count() FROM " + database + ".detections", ids.size());
        String table =
                clickhouse(
                        "SELECT id, rule_title, suppressed_repeats FROM "
                                + database
                                + ".detections FORMAT TSV");
        assertThat(rows)
                .as(table)
                .isEqualTo(count("SELECT uniqExact(id) FROM " + database + ".detections"));
        for (String detectionId : ids) {
            assertThat(table).contains(detectionId);
        }

        // Elasticsearch: the brute force with the matching events as objects
        JsonNode doc = awaitDocument(bruteForce.getId());
        assertThat(doc.path("rule_id").asText()).isEqualTo(ConsoleBruteForceDetector.RULE_ID);
        assertThat(doc.path("events")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(doc.path("events").get(0).path("eventName").asText()).isEqualTo("ConsoleLogin");
        assertThat(doc.path("attack_techniques").toString()).contains("T1110");

        RecordCodec<DeadLetter> letterCodec = RecordCodec.of(DeadLetter.class);
        List<DeadLetter> letters =
                consume(deadLetterTopic, letterCodec::decode, ls -> ls.size() >= bad.size());
        assertThat(letters)
                .extracting(DeadLetter::getErrorMessage)
                .anySatisfy(m -> assertThat(m).contains("invalid JSON"))
                .anySatisfy(m -> assertThat(m).contains("no eventName"))
                .anySatisfy(m -> assertThat(m).contains("exceeds the limit"));
        assertThat(letters).hasSize(bad.size());
    }

    private Properties kafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA);
        return props;
    }

    private void produce(String to, List<String> keys, List<String> values) throws Exception {
        Properties props = kafka();
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        props.put("max.request.size", String.valueOf(1 << 20));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < values.size(); i++) {
                byte[] key = keys == null ? null : keys.get(i).getBytes(StandardCharsets.UTF_8);
                producer.send(
                        new ProducerRecord<>(
                                to, key, values.get(i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Reads {@code from} (read_committed) until {@code done} holds or two minutes pass. */
    private <T> List<T> consume(String from, Function<byte[], T> decode, Predicate<List<T>> done) {
        Properties props = kafka();
        props.put("group.id", "it-read-" + from);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(from));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!done.test(out) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    out.add(decode.apply(r.value()));
                }
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                out.add(decode.apply(r.value()));
            }
        }
        return out;
    }

    private JsonNode awaitDocument(String docId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(ELASTICSEARCH + index + "/_doc/" + docId))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body()).path("_source");
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no document " + docId + " in " + index);
    }

    /** Waits until a count reaches {@code expected} (or three minutes pass) and returns it. */
    private long awaitCount(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long count = 0;
        while (System.nanoTime() < deadline) {
            count = count(sql);
            if (count >= expected) {
                Thread.sleep(3000); // a few more checkpoints: a duplicate would show now
                return count(sql);
            }
            Thread.sleep(1000);
        }
        return count;
    }

    private long count(String sql) throws Exception {
        return JSON.readTree(clickhouse(sql + " FORMAT JSON"))
                .path("data")
                .get(0)
                .elements()
                .next()
                .asLong();
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
}
