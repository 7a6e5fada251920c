package dev.guardian.connectors.deadletter;

import java.util.Objects;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts a dead letter on {@code <source topic>.dlq} (or one fixed topic), keyed by the source
 * coordinates.
 */
public final class DeadLetterSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final DeadLetterEncoder<T> encoder;
    private final String fixedTopic;

    /**
     * @param fixedTopic the topic for every dead letter, or null for each record's {@code
     *     <source>.dlq}
     */
    public DeadLetterSerializationSchema(DeadLetterEncoder<T> encoder, String fixedTopic) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.fixedTopic = fixedTopic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T deadLetter, KafkaSinkContext context, Long timestamp) {
        String topic = fixedTopic != null ? fixedTopic : encoder.deadLetterTopic(deadLetter);
        return new ProducerRecord<>(
                topic, null, timestamp, encoder.key(deadLetter), encoder.encode(deadLetter));
    }
}
