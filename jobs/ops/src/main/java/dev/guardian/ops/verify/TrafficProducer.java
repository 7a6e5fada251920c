package dev.guardian.ops.verify;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a run's records at a steady pace with an idempotent producer that rides out a broker
 * restart: records wait in the producer (up to ten minutes) instead of failing, so a record
 * acknowledged is a record in the topic exactly once.
 */
final class TrafficProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    TrafficProducer(String bootstrap, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "guardian-verify");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        config.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        this.producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends every record of {@code traffic}, {@code perSecond} a second; calls back per record. */
    void send(Traffic traffic, double perSecond, RecordHook hook) throws InterruptedException {
        long start = System.nanoTime();
        long size = traffic.size();
        for (long k = 0; k < size; k++) {
            hook.beforeRecord(k);
            long due = start + (long) (k * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            send(traffic.next());
        }
    }

    void send(TrafficRecord record) {
        ProducerRecord<byte[], byte[]> message =
                record.partition() >= 0
                        ? new ProducerRecord<>(
                                topic, record.partition(), record.key(), record.value())
                        : new ProducerRecord<>(topic, record.key(), record.value());
        producer.send(
                message,
                (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, exception);
                    }
                });
    }

    void flush() {
        producer.flush();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** The first send that failed for good, if any. */
    Exception failure() {
        return failure.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    /** Called before each record is sent, with its index: where a fault is injected. */
    interface RecordHook {
        void beforeRecord(long index) throws InterruptedException;
    }
}
