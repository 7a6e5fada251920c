package dev.guardian.traffic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.cli.Args;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.SeriesKey;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordDecodingException;
import dev.guardian.traffic.kafka.WireFormat;
import dev.guardian.traffic.model.BadRecordKind;
import dev.guardian.traffic.model.BadRecordPlan;
import dev.guardian.traffic.model.Fleet;
import dev.guardian.traffic.model.GeneratedPoint;
import dev.guardian.traffic.model.Incident;
import dev.guardian.traffic.model.IncidentKind;
import dev.guardian.traffic.model.MetricTraffic;
import dev.guardian.traffic.model.MetricTrafficModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The commands against the local stack's Kafka ({@code ./guardian stack up}): what they send is
 * consumed back from a fresh topic and decoded with the schemas' codec, as the jobs decode it.
 */
class TrafficKafkaIT {

    private static final String BOOTSTRAP =
            System.getProperty("guardian.kafka.bootstrap", GenerateSettings.DEFAULT_BOOTSTRAP);

    private static final RecordCodec<MetricPoint> CODEC = RecordCodec.of(MetricPoint.class);

    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    private static Admin admin;
    private static final List<String> topics = new ArrayList<>();

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        admin = Admin.create(props);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics).all().get();
        }
        admin.close();
    }

    private static String newTopic(int partitions) throws Exception {
        String topic = "it-traffic-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        topics.add(topic);
        return topic;
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void generatedTrafficArrivesAsTheModelSaysWithItsBadRecords(WireFormat format)
            throws Exception {
        String topic = newTopic(3);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] argv = {
            "--bootstrap", BOOTSTRAP,
            "--topic", topic,
            "--rate", "400",
            "--duration", "1s",
            "--series", "70",
            "--seed", "7",
            "--start", START.toString(),
            "--incident", "latency-spike",
            "--incident-at", "500ms",
            "--bad-ratio", "0.05",
            "--format", format.name().toLowerCase()
        };

        int exit =
                new GenerateMetricsCommand(new PrintStream(output, true, StandardCharsets.UTF_8))
                        .run(Args.parse(List.of(argv)));

        // What should have been sent: the same model, seed and bad-record plan, offline.
        Fleet fleet = new Fleet(70, 7);
        Incident incident =
                Incident.choose(
                        IncidentKind.LATENCY_SPIKE,
                        fleet,
                        7,
                        3,
                        START.toEpochMilli() + 500,
                        START.toEpochMilli() + 1_000);
        MetricTraffic traffic =
                new MetricTraffic(
                        new MetricTrafficModel(
                                fleet, 7, START.toEpochMilli(), Optional.of(incident)),
                        START.toEpochMilli(),
                        400);
        BadRecordPlan plan = new BadRecordPlan(0.05, 7);
        Map<String, MetricPoint> expected = new HashMap<>();
        Map<BadRecordKind, Integer> expectedBad = new EnumMap<>(BadRecordKind.class);
        for (int k = 0; k < 400; k++) {
            GeneratedPoint point = traffic.next();
            Optional<BadRecordKind> bad = plan.forSlot(k);
            if (bad.isPresent()) {
                expectedBad.merge(bad.get(), 1, Integer::sum);
            } else {
                expected.put(
                        point.series().key() + "@" + point.timestampMillis(),
                        GenerateMetricsCommand.toRecord(point));
            }
        }
        int badCount = expectedBad.values().stream().mapToInt(Integer::intValue).sum();

        List<ConsumerRecord<byte[], byte[]>> records = consume(topic, 400);
        Map<String, MetricPoint> good = new HashMap<>();
        Map<BadRecordKind, Integer> bad = new EnumMap<>(BadRecordKind.class);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            MetricPoint point;
            try {
                point = CODEC.decode(record.value());
            } catch (RecordDecodingException e) {
                bad.merge(
                        isNaNInJson(record.value())
                                ? BadRecordKind.NAN_VALUE
                                : !new String(record.value(), StandardCharsets.UTF_8)
                                                        .contains("\"name\"")
                                                && format == WireFormat.JSON
                                        ? BadRecordKind.MISSING_NAME
                                        : BadRecordKind.CORRUPT_BYTES,
                        1,
                        Integer::sum);
                continue;
            }
            if (Double.isNaN(point.getValue())) {
                bad.merge(BadRecordKind.NAN_VALUE, 1, Integer::sum);
            } else if (point.getName().isEmpty()) {
                bad.merge(BadRecordKind.MISSING_NAME, 1, Integer::sum);
            } else if (point.getTimestamp().isAfter(START.plus(Duration.ofDays(300)))) {
                bad.merge(BadRecordKind.FAR_FUTURE_TIMESTAMP, 1, Integer::sum);
            } else {
                assertThat(new String(record.key(), StandardCharsets.UTF_8))
                        .isEqualTo(SeriesKey.of(point));
                good.put(SeriesKey.of(point) + "@" + point.getTimestamp().toEpochMilli(), point);
            }
        }

        assertThat(exit).isZero();
        assertThat(records).hasSize(400);
        assertThat(good).isEqualTo(expected);
        assertThat(bad).isEqualTo(expectedBad);
        assertThat(badCount).isPositive();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("incident latency-spike from 2026-11-20T09:00:00.500Z")
                .contains(incident.series().get(0).key())
                .contains(
                        String.format(
                                "generate metrics: %d points sent, %d bad records sent, 400 acknowledged",
                                400 - badCount, badCount));
        // Every series of one instance lands on one partition, in time order.
        Map<String, List<ConsumerRecord<byte[], byte[]>>> bySeries =
                records.stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> new String(r.key(), StandardCharsets.UTF_8)));
        bySeries.values()
                .forEach(
                        rs -> {
                            assertThat(rs.stream().map(ConsumerRecord::partition).distinct())
                                    .hasSize(1);
                            assertThat(rs).extracting(ConsumerRecord::offset).isSorted();
                        });
    }

    private static boolean isNaNInJson(byte[] value) {
        return new String(value, StandardCharsets.UTF_8).contains("\"value\":\"NaN\"");
    }

    @Test
    void replayedFileArrivesShiftedToNowInOrder(@TempDir Path dir) throws Exception {
        String topic = newTopic(2);
        Path data = Files.createDirectories(dir.resolve("realKnownCause"));
        Files.writeString(dir.resolve("combined_labels.json"), "{}");
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        LocalDateTime t = LocalDateTime.of(2014, 7, 1, 0, 0);
        DateTimeFormatter nab = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < 300; i++) {
            csv.append(t.plusMinutes(5L * i).format(nab)).append(',').append(1000 + i).append('\n');
            if (i == 150) {
                csv.append("2014-07-01 12:34:56,not-a-number\n");
            }
        }
        Path file = Files.writeString(data.resolve("machine_temperature.csv"), csv);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        long before = System.currentTimeMillis();
        int exit =
                new ReplayMetricsCommand(new PrintStream(output, true, StandardCharsets.UTF_8))
                        .run(
                                Args.parse(
                                        List.of(
                                                file.toString(),
                                                "--bootstrap",
                                                BOOTSTRAP,
                                                "--topic",
                                                topic,
                                                "--labels",
                                                "env=it",
                                                "--skip-bad")));
        long after = System.currentTimeMillis();

        List<MetricPoint> points =
                consume(topic, 300).stream().map(r -> CODEC.decode(r.value())).toList();
        assertThat(exit).isZero();
        assertThat(points).hasSize(300);
        assertThat(points)
                .allSatisfy(
                        p -> {
                            assertThat(p.getName()).isEqualTo("machine_temperature");
                            assertThat(p.getLabels())
                                    .containsEntry("file", "realKnownCause/machine_temperature.csv")
                                    .containsEntry("env", "it");
                        });
        long last = points.get(299).getTimestamp().toEpochMilli();
        assertThat(last).isBetween(before, after);
        for (int i = 0; i < 300; i++) {
            assertThat(points.get(i).getTimestamp().toEpochMilli())
                    .isEqualTo(last - (299 - i) * 300_000L);
            assertThat(points.get(i).getValue()).isEqualTo(1000.0 + i);
        }
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("1 bad lines skipped")
                .contains("replay metrics: 300 points sent");
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // Nothing beyond what was expected.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
