package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** replay security, generate security and publish rules into a fresh topic of the local Kafka. */
class SecurityTrafficIT {

    private static final String KAFKA = "127.0.0.1:9092";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic =
            "it.security-traffic." + UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Properties kafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KAFKA);
        return props;
    }

    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void deleteTopic() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> consume(int expected) {
        Properties props = kafka();
        props.put("group.id", "it-" + topic);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }

    @Test
    void replaySendsEveryRecordKeyedByPrincipal() throws Exception {
        String file =
                SharedData.resolve(
                                "security/otrf/datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration_2020-09-14011940.json")
                        .toString();
        int rc =
                new ReplaySecurityCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .run(Args.parse(List.of(file, "--topic", topic, "--bootstrap", KAFKA)));
        assertThat(rc).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = consume(103);
        assertThat(records).hasSize(103);
        assertThat(records)
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .contains("arn:aws:iam::123456789123:user/pedro");
        assertThat(out.toString()).contains("103 messages (103 records) acknowledged");
    }

    @Test
    void generateSendsLiveTrafficWithTheAttack() throws Exception {
        int rc =
                new GenerateSecurityCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .run(
                                Args.parse(
                                        List.of(
                                                "--duration", "20s",
                                                "--rate", "10",
                                                "--attack-at", "0s",
                                                "--failures", "3",
                                                "--incidents", "brute-force",
                                                "--topic", topic,
                                                "--bootstrap", KAFKA)));
        assertThat(rc).isZero();
        // 3 failures 4 s apart from the start, the success 5 s after the last
        List<ConsumerRecord<byte[], byte[]>> records = consume(200 + 4);
        assertThat(records).hasSize(200 + 4);
        long attackerLogins =
                records.stream()
                        .map(r -> readTree(r.value()))
                        .filter(
                                n ->
                                        n.path("sourceIPAddress")
                                                .asText()
                                                .equals(SecurityTraffic.ATTACKER_IP))
                        .count();
        assertThat(attackerLogins).isEqualTo(4);
    }

    @Test
    void publishRulesSendsEachFileUnderItsNameAndRemovalsAsTombstones(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("s3"));
        java.nio.file.Files.writeString(
                dir.resolve("s3/bucket_deleted.yml"),
                "title: Bucket deleted\nid: 11111111-2222-3333-4444-555555555555\n"
                        + "detection:\n  s:\n    eventName: DeleteBucket\n  condition: s\n");
        int rc =
                new PublishRulesCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                        .run(
                                Args.parse(
                                        List.of(
                                                dir.toString(),
                                                "--remove",
                                                "old.yml",
                                                "--topic",
                                                topic,
                                                "--bootstrap",
                                                KAFKA)));
        assertThat(rc).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = consume(2);
        assertThat(records)
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("s3/bucket_deleted.yml", "old.yml");
        assertThat(records)
                .filteredOn(r -> new String(r.key(), StandardCharsets.UTF_8).equals("old.yml"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).isNull());
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
