package dev.guardian.traffic.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends encoded points to one topic asynchronously, with at most {@code maxInFlight} records not
 * yet acknowledged: a slow broker slows the sender down instead of filling the heap. Durable and
 * free of duplicates from retries ({@code acks=all}, idempotent producer). The first failed send
 * stops the writer: the next {@link #send} or {@link #flush} throws it.
 */
public final class KafkaPointWriter implements AutoCloseable {

    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

    /** How long a send may wait for metadata: the time it takes to say Kafka is not there. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(15);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final int maxInFlight;
    private final Semaphore window;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaPointWriter(Producer<byte[], byte[]> producer, String topic, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1: " + maxInFlight);
        }
        this.producer = producer;
        this.topic = topic;
        this.maxInFlight = maxInFlight;
        this.window = new Semaphore(maxInFlight);
    }

    /**
     * A writer on a new producer, after checking that the broker answers and the topic exists.
     *
     * @throws KafkaException naming the bootstrap servers and topic if it cannot reach them
     */
    public static KafkaPointWriter open(
            String bootstrapServers, String topic, String clientId, int maxInFlight) {
        Producer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        producerConfig(bootstrapServers, clientId),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new KafkaException(
                    "no answer about topic "
                            + topic
                            + " from Kafka at "
                            + bootstrapServers
                            + " within "
                            + MAX_BLOCK.toSeconds()
                            + " s (is it up? ./guardian stack status): "
                            + e.getMessage(),
                    e);
        }
        return new KafkaPointWriter(producer, topic, maxInFlight);
    }

    static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Idempotence keeps order per partition with up to five requests in flight.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        return config;
    }

    /**
     * Sends one message, waiting while {@code maxInFlight} earlier ones are unacknowledged. The
     * record timestamp is left to the producer (now): brokers reject record timestamps far from
     * their clock, and a point's own time, which may be days old, is in the message.
     */
    public void send(byte[] key, byte[] value) throws InterruptedException {
        throwIfFailed();
        window.acquire();
        try {
            producer.send(
                    new ProducerRecord<>(topic, key, value),
                    (metadata, exception) -> {
                        if (exception == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failure.compareAndSet(null, exception);
                        }
                        window.release();
                    });
        } catch (RuntimeException e) {
            window.release();
            throw new KafkaException("send to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Waits until every message sent so far is acknowledged, or throws the first failure. */
    public void flush() throws InterruptedException {
        producer.flush();
        // Callbacks may still be running on the producer's thread when flush returns.
        window.acquire(maxInFlight);
        window.release(maxInFlight);
        throwIfFailed();
    }

    /** Messages the broker has acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Messages sent but not yet acknowledged or failed. */
    public int inFlight() {
        return maxInFlight - window.availablePermits();
    }

    public String topic() {
        return topic;
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException(
                    "send to "
                            + topic
                            + " failed after "
                            + acknowledged.get()
                            + " acknowledged messages: "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
