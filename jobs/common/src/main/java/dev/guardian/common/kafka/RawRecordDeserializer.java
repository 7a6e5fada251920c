package dev.guardian.common.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the bytes and coordinates of every Kafka record; decoding happens downstream. */
public class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final EventTimeExtractor eventTime;

    /** Records stamped with Kafka's timestamp. */
    public RawRecordDeserializer() {
        this(EventTimeExtractor.kafkaTimestamp());
    }

    public RawRecordDeserializer(EventTimeExtractor eventTime) {
        this.eventTime = eventTime;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        // A tombstone (null value) is still a record someone sent; it fails decoding visibly.
        byte[] value = record.value() == null ? new byte[0] : record.value();
        RawRecord raw =
                new RawRecord(
                        value,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp());
        raw.eventTimestamp = eventTime.extract(raw);
        out.collect(raw);
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
