package dev.guardian.cli.bench;

import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.serde.RecordCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the anomalies topic with one isolation level and notes, for each anomaly, the wall clock
 * when it became readable minus its event time (= when its point was sent). read_committed sees
 * what exactly-once consumers see, at checkpoints; read_uncommitted sees records as soon as the job
 * writes them, i.e. the pipeline's own latency.
 */
final class AnomalyLatencies implements Runnable {

    private final String bootstrap;
    private final String topic;
    private final String isolation;
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> entities = ConcurrentHashMap.newKeySet();
    private volatile boolean stop;

    AnomalyLatencies(String bootstrap, String topic, String isolation) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.isolation = isolation;
    }

    @Override
    public void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(
                ConsumerConfig.GROUP_ID_CONFIG,
                "guardian-bench-latency-" + isolation + "-" + topic);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        RecordCodec<Anomaly> codec = RecordCodec.of(Anomaly.class);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!stop) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    Anomaly anomaly = codec.decode(record.value());
                    latencies.add(now - anomaly.getTime().toEpochMilli());
                    entities.add(anomaly.getEntity());
                }
            }
        }
    }

    void stop() {
        stop = true;
    }

    String isolation() {
        return isolation;
    }

    /** Latencies in milliseconds, sorted. */
    long[] sorted() {
        long[] values;
        synchronized (latencies) {
            values = latencies.stream().mapToLong(Long::longValue).toArray();
        }
        java.util.Arrays.sort(values);
        return values;
    }

    int seriesWithAnomalies() {
        return entities.size();
    }
}
