package dev.guardian.logs.sink;

import dev.guardian.schemas.serde.RecordCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** A record as the Kafka value every Guardian topic carries: Avro single-object encoding. */
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
