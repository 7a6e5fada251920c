package dev.guardian.logs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.decode.DecodeLimits;
import dev.guardian.logs.decode.LogEventDecoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay logs} and {@code generate logs} against the local Kafka, read back as the job
 * reads.
 */
class LogTrafficKafkaIT {

    private static final String BOOTSTRAP = "127.0.0.1:" + env("GUARDIAN_KAFKA_PORT", "9092");

    private static String topic() throws Exception {
        String name = "it.logs." + UUID.randomUUID().toString().substring(0, 8);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get();
        }
        return name;
    }

    private static void delete(String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    private static List<RawRecord> consume(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        List<RawRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(
                            new RawRecord(
                                    r.value(),
                                    r.topic(),
                                    r.partition(),
                                    r.offset(),
                                    r.timestamp()));
                }
            }
        }
        return records;
    }

    @Test
    void replayedLoghubFilesAreLogLinesOfTheirService() throws Exception {
        String topic = topic();
        try {
            Path hdfs = SharedData.resolve("loghub/HDFS/HDFS_2k.log");
            int code =
                    new ReplayLogsCommand(new PrintStream(new ByteArrayOutputStream()))
                            .run(
                                    Args.parse(
                                            List.of(
                                                    hdfs.toString(),
                                                    "--topic",
                                                    topic,
                                                    "--bootstrap",
                                                    BOOTSTRAP,
                                                    "--encoding",
                                                    "json")));
            assertThat(code).isZero();
            List<RawRecord> records = consume(topic, 2000);
            assertThat(records).hasSize(2000);
            LogEventDecoder decoder = new LogEventDecoder(DecodeLimits.defaults());
            long now = System.currentTimeMillis();
            for (RawRecord raw : records) {
                LogRecord line = decoder.decode(raw, now).records().get(0);
                assertThat(line.service).isEqualTo("hdfs");
                assertThat(line.flags).isEmpty();
                assertThat(line.timestampMillis).isBetween(now - 3 * 86_400_000L, now);
            }
        } finally {
            delete(topic);
        }
    }

    @Test
    void generatedLogsWithAnIncidentAndBadRecordsArriveWithAReport(@TempDir Path dir)
            throws Exception {
        String topic = topic();
        try {
            Path report = dir.resolve("incident.json");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int code =
                    new GenerateLogsCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
                            .run(
                                    Args.parse(
                                            List.of(
                                                    "--topic",
                                                    topic,
                                                    "--bootstrap",
                                                    BOOTSTRAP,
                                                    "--rate",
                                                    "200",
                                                    "--duration",
                                                    "3s",
                                                    "--backfill",
                                                    "10s",
                                                    "--incident",
                                                    "error-burst",
                                                    "--incident-at",
                                                    "1s",
                                                    "--bad-ratio",
                                                    "0.02",
                                                    "--incident-report",
                                                    report.toString())));
            assertThat(code).isZero();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output)
                    .contains("backfill done: 2,000 lines")
                    .contains("incident error-burst on checkout");

            JsonNode incident = new ObjectMapper().readTree(report.toFile());
            assertThat(incident.get("kind").asText()).isEqualTo("error-burst");
            assertThat(incident.get("service").asText()).isEqualTo("checkout");
            assertThat(incident.get("elasticsearchQuery").asText())
                    .contains("service.name:\"checkout\"");

            List<RawRecord> records = consume(topic, 2600);
            assertThat(records.size()).isBetween(2600, 2800);
            LogEventDecoder decoder = new LogEventDecoder(DecodeLimits.defaults());
            int lines = 0;
            int refused = 0;
            for (RawRecord raw : records) {
                try {
                    lines += decoder.decode(raw, System.currentTimeMillis()).records().size();
                } catch (Exception e) {
                    refused++;
                }
            }
            assertThat(refused).isBetween(1, 40);
            assertThat(lines + refused).isEqualTo(records.size());
        } finally {
            delete(topic);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
