package dev.guardian.billing.sink;

import dev.guardian.schemas.serde.RecordCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** A Guardian record as its Avro single-object encoding: what every Guardian topic carries. */
public class AvroKafkaValue<T extends SpecificRecord> implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<T> codec;

    public AvroKafkaValue(Class<T> type) {
        this.codec = RecordCodec.of(type);
    }

    @Override
    public byte[] serialize(T record) {
        return codec.encode(record);
    }
}
