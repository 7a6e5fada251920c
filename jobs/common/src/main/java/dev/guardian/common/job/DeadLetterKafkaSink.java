package dev.guardian.common.job;

import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The dead-letter topic of a job: Avro {@link DeadLetter}s keyed by the original record's
 * coordinates, so a consumer can find duplicates after a replay.
 */
public final class DeadLetterKafkaSink {

    private DeadLetterKafkaSink() {}

    public static KafkaSink<DeadLetter> create(Configuration conf, String topic, String job) {
        return KafkaConnections.sink(
                conf,
                topic,
                new CoordinatesKey(),
                new AvroValue(),
                DeliveryGuarantee.AT_LEAST_ONCE,
                job);
    }

    static final class CoordinatesKey implements SerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(DeadLetter letter) {
            return (letter.getTopic() + "/" + letter.getPartition() + "@" + letter.getOffset())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class AvroValue implements SerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;
        private final RecordCodec<DeadLetter> codec = RecordCodec.of(DeadLetter.class);

        @Override
        public byte[] serialize(DeadLetter letter) {
            return codec.encode(letter);
        }
    }
}
