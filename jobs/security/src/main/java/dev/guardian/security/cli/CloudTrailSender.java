package dev.guardian.security.cli;

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
 * Sends CloudTrail messages to one topic asynchronously, with a bounded number not yet acknowledged
 * (a slow broker slows the sender instead of filling the heap); durable and without duplicates from
 * retries ({@code acks=all}, idempotent). The first failed send stops it: the next {@link #send} or
 * {@link #flush} throws.
 */
final class CloudTrailSender implements AutoCloseable {

    static final int MAX_IN_FLIGHT = 5_000;
    static final Duration MAX_BLOCK = Duration.ofSeconds(60);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Semaphore window = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private CloudTrailSender(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A sender on a new producer, once the broker has answered about the topic. */
    static CloudTrailSender open(String bootstrap, String topic, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        Producer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new KafkaException(
                    "no answer about topic "
                            + topic
                            + " from Kafka at "
                            + bootstrap
                            + " within "
                            + MAX_BLOCK.toSeconds()
                            + " s (is it up? ./guardian stack status): "
                            + e.getMessage(),
                    e);
        }
        return new CloudTrailSender(producer, topic);
    }

    void send(byte[] key, byte[] value) throws InterruptedException {
        rethrow();
        window.acquire();
        producer.send(
                new ProducerRecord<>(topic, key, value),
                (metadata, error) -> {
                    window.release();
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
    }

    void flush() {
        producer.flush();
        rethrow();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException("sending to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
