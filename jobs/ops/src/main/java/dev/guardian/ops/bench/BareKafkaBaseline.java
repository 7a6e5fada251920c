package dev.guardian.ops.bench;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordDeserializer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The yardstick every benchmark is compared with: a Flink job (parallelism 1, local) that reads
 * records from Kafka with the jobs' own source deserializer and discards them. Measured in CPU time
 * of this process, as the benchmarks measure theirs, so a busy machine slows both alike.
 */
final class BareKafkaBaseline {

    private BareKafkaBaseline() {}

    /** Events per CPU-second of reading {@code events} records of about 200 bytes. */
    static double measure(String bootstrap, long events) throws Exception {
        String topic = "bench.all.bare." + UUID.randomUUID().toString().substring(0, 8);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin kafka = Admin.create(admin)) {
            kafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(1, TimeUnit.MINUTES);
            try {
                fill(bootstrap, topic, events);
                return read(bootstrap, topic, events);
            } finally {
                kafka.deleteTopics(List.of(topic)).all().get(1, TimeUnit.MINUTES);
            }
        }
    }

    private static void fill(String bootstrap, String topic, long events) {
        Random random = new Random(42);
        byte[] value = new byte[200];
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.LINGER_MS_CONFIG,
                                20,
                                ProducerConfig.BATCH_SIZE_CONFIG,
                                256 * 1024,
                                ProducerConfig.ACKS_CONFIG,
                                "1"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                random.nextBytes(value);
                producer.send(new ProducerRecord<>(topic, value.clone()));
            }
            producer.flush();
        }
    }

    private static double read(String bootstrap, String topic, long events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(topic)
                        .setGroupId("bench-all-" + UUID.randomUUID())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(new RawRecordDeserializer())
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka " + topic)
                .sinkTo(new DiscardingSink<>())
                .name("discard");
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        env.execute("bench all: bare Kafka read + discard");
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        return events / Math.max(cpu, Duration.ofMillis(1).toMillis() / 1000.0);
    }
}
