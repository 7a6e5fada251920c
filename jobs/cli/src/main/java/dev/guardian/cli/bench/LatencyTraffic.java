package dev.guardian.cli.bench;

import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Gauge points for the latency benchmark, sent at a fixed rate with the event timestamp = the wall
 * clock at send (Kafka's CreateTime is the same clock), so an anomaly's {@code time} is when its
 * point entered Kafka. Each series is quiet noise until it has history, then gets exactly one
 * spike, the spikes spread evenly over the rest of the run: a steady trickle of anomalies to time.
 */
final class LatencyTraffic {

    static final String METRIC = "guardian_bench_latency";

    private final String bootstrap;
    private final String topic;
    private final int series;
    private final double rate;
    private final long historyMillis;
    private final long durationMillis;

    LatencyTraffic(
            String bootstrap,
            String topic,
            int series,
            double rate,
            long historyMillis,
            long durationMillis) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.series = series;
        this.rate = rate;
        this.historyMillis = historyMillis;
        this.durationMillis = durationMillis;
    }

    /** When series {@code s} spikes, from the start; the last ones leave time to be seen. */
    long spikeOffsetMillis(int s) {
        long window = Math.max(1, durationMillis - historyMillis - 10_000);
        return historyMillis + window * s / series;
    }

    /** Sends for the whole duration; returns the points sent. */
    long run() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);
        SplittableRandom random = new SplittableRandom(17);
        boolean[] spiked = new boolean[series];
        byte[][] keys = new byte[series][];
        for (int s = 0; s < series; s++) {
            keys[s] = ("s" + s).getBytes(StandardCharsets.UTF_8);
        }
        long start = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            long total = (long) (rate * durationMillis / 1000.0);
            for (long k = 0; k < total; k++) {
                long due = startNanos + (long) (k * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int s = (int) (k % series);
                long now = System.currentTimeMillis();
                double value = 50 + 2 * random.nextGaussian();
                if (!spiked[s] && now - start >= spikeOffsetMillis(s)) {
                    spiked[s] = true;
                    value = 90;
                }
                MetricPoint point =
                        MetricPoint.newBuilder()
                                .setName(METRIC)
                                .setLabels(Map.of("series", Integer.toString(s)))
                                .setTimestamp(Instant.ofEpochMilli(now))
                                .setValue(value)
                                .setType(MetricType.GAUGE)
                                .setUnit("1")
                                .build();
                producer.send(new ProducerRecord<>(topic, null, now, keys[s], codec.encode(point)));
                sent++;
            }
            producer.flush();
        }
        return sent;
    }
}
