package dev.guardian.security.sink;

import dev.guardian.schemas.serde.RecordCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Kafka value of an output topic: the record in Avro single-object encoding. */
public class AvroRecordValue<T extends SpecificRecord> implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<T> codec;

    public AvroRecordValue(Class<T> type) {
        this.codec = RecordCodec.of(type);
    }

    @Override
    public byte[] serialize(T record) {
        return codec.encode(record);
    }
}
