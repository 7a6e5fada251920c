package dev.guardian.connectors.deadletter;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes dead letters from inside a sink (e.g. a bulk item Elasticsearch refused for its
 * mapping) with a plain idempotent producer. {@link #flush} blocks until every published record is
 * acknowledged and throws if one was not, so a writer that flushes it at each checkpoint never
 * loses a dead letter: at-least-once, keyed by source coordinates.
 *
 * <p>Serializable as configuration; the producer is created by {@link #open}.
 */
public final class DeadLetterPublisher<T> implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final DeadLetterEncoder<T> encoder;
    private final String fixedTopic;
    private final Properties producerProperties;
    private transient KafkaProducer<byte[], byte[]> producer;
    private transient List<Future<RecordMetadata>> inFlight;

    /**
     * @param fixedTopic the topic for every dead letter, or null for {@code <source>.dlq}
     */
    public DeadLetterPublisher(
            String bootstrapServers,
            DeadLetterEncoder<T> encoder,
            String fixedTopic,
            Properties producerProperties) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.fixedTopic = fixedTopic;
        this.producerProperties = new Properties();
        this.producerProperties.putAll(producerProperties);
    }

    public static DeadLetterPublisher<RejectedRecord> json(
            String bootstrapServers, String fixedTopic) {
        return new DeadLetterPublisher<>(
                bootstrapServers, new JsonRejectedRecordEncoder(), fixedTopic, new Properties());
    }

    /** Avro {@code DeadLetter}s from a sink of job {@code job}, all to {@code topic}. */
    public static DeadLetterPublisher<RejectedRecord> avro(
            String bootstrapServers, String topic, String job, String stage) {
        return new DeadLetterPublisher<>(
                bootstrapServers,
                new AvroRejectedRecordEncoder(job, stage),
                topic,
                new Properties());
    }

    /** Creates the producer; publish/flush need it. Idempotent. */
    public DeadLetterPublisher<T> open() {
        if (producer == null) {
            Properties props = new Properties();
            props.putAll(producerProperties);
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
            props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "guardian-dead-letters");
            producer =
                    new KafkaProducer<>(
                            props, new ByteArraySerializer(), new ByteArraySerializer());
            inFlight = new ArrayList<>();
        }
        return this;
    }

    public void publish(T deadLetter) {
        if (producer == null) {
            throw new IllegalStateException("DeadLetterPublisher is not open");
        }
        String topic = fixedTopic != null ? fixedTopic : encoder.deadLetterTopic(deadLetter);
        inFlight.add(
                producer.send(
                        new ProducerRecord<>(
                                topic, encoder.key(deadLetter), encoder.encode(deadLetter))));
    }

    /** Waits for every published dead letter to be acknowledged. */
    public void flush() throws IOException, InterruptedException {
        if (producer == null || inFlight.isEmpty()) {
            return;
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> sent : inFlight) {
                sent.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("dead letter could not be published to Kafka", e.getCause());
        } finally {
            inFlight.clear();
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
