package dev.guardian.connectors.deadletter;

import java.util.Objects;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The Kafka sink of a job's dead-letter stream: every dead letter to {@code <source topic>.dlq}
 * (DESIGN §3), keyed by source topic/partition/offset so a replayed bad record carries the same
 * key. With {@code EXACTLY_ONCE} the records are written in Kafka transactions committed at
 * checkpoints ({@code transactionalIdPrefix} must then be unique per job).
 *
 * <pre>{@code
 * KafkaSink<RejectedRecord> dlq = DeadLetterSinks.kafka(
 *         "127.0.0.1:9092", new JsonRejectedRecordEncoder(), DeliveryGuarantee.AT_LEAST_ONCE, null);
 * }</pre>
 */
public final class DeadLetterSinks {

    private DeadLetterSinks() {}

    public static <T> KafkaSink<T> kafka(
            String bootstrapServers,
            DeadLetterEncoder<T> encoder,
            DeliveryGuarantee guarantee,
            String transactionalIdPrefix) {
        return kafka(
                bootstrapServers,
                encoder,
                guarantee,
                transactionalIdPrefix,
                null,
                new Properties());
    }

    /**
     * @param fixedTopic one topic for all dead letters, or null for {@code <source>.dlq}
     * @param producerProperties extra producer settings (security, timeouts)
     */
    public static <T> KafkaSink<T> kafka(
            String bootstrapServers,
            DeadLetterEncoder<T> encoder,
            DeliveryGuarantee guarantee,
            String transactionalIdPrefix,
            String fixedTopic,
            Properties producerProperties) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(guarantee, "guarantee");
        var builder =
                KafkaSink.<T>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setKafkaProducerConfig(producerProperties)
                        .setRecordSerializer(
                                new DeadLetterSerializationSchema<>(encoder, fixedTopic))
                        .setDeliveryGuarantee(guarantee);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            if (transactionalIdPrefix == null || transactionalIdPrefix.isEmpty()) {
                throw new IllegalArgumentException(
                        "an EXACTLY_ONCE dead-letter sink needs a transactionalIdPrefix unique to"
                                + " the job");
            }
            builder.setTransactionalIdPrefix(transactionalIdPrefix);
        }
        return builder.build();
    }
}
