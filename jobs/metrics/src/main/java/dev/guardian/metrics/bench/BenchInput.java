package dev.guardian.metrics.bench;

import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.serde.RecordCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a fresh topic with Avro metric points before a benchmark, so every measured job reads the
 * same bytes from Kafka and the measurement excludes the producer.
 */
final class BenchInput {

    private BenchInput() {}

    static void fill(String bootstrap, String topic, int partitions, long events, int series)
            throws Exception {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);
        SplittableRandom random = new SplittableRandom(7);
        // points cover the last hour, one series after another in time order
        long start = Instant.now().minusSeconds(3600).toEpochMilli();
        long step = Math.max(1, 3_600_000L / Math.max(1, events / series));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (long i = 0; i < events; i++) {
                int s = (int) (i % series);
                long t = start + (i / series) * step;
                MetricPoint point =
                        MetricPoint.newBuilder()
                                .setName(s % 2 == 0 ? "cpu_utilization" : "http_requests_total")
                                .setLabels(
                                        Map.of(
                                                "host", "host-" + (s / 2),
                                                "region", "eu-west-" + (s % 3),
                                                "service", "svc-" + (s % 17)))
                                .setTimestamp(Instant.ofEpochMilli(t))
                                .setValue(50 + random.nextGaussian() * 10)
                                .setType(s % 2 == 0 ? MetricType.GAUGE : MetricType.COUNTER)
                                .build();
                producer.send(new ProducerRecord<>(topic, codec.encode(point)));
            }
            producer.flush();
        }
    }
}
