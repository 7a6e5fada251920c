package dev.guardian.common.kafka;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Kafka record as it arrived, before decoding. Jobs read these rather than decoded records so
 * that a record that fails to decode is still in hand, with its coordinates, when it is sent to the
 * dead-letter topic: a source that throws on bad bytes would restart the job forever.
 *
 * <p>A Flink POJO: public no-argument constructor and public fields.
 */
public class RawRecord {

    public byte[] value;
    public String topic;
    public int partition;
    public long offset;

    /** Kafka's record timestamp in epoch milliseconds (producer or broker time). */
    public long kafkaTimestamp;

    /** Event time as read in the source by an {@link EventTimeExtractor}. */
    public long eventTimestamp = EventTimeExtractor.NO_TIMESTAMP;

    /**
     * What the source's {@link EventTimeExtractor} decoded, handed to the chained decode step so it
     * need not decode again. Transient: lost (and recomputed) if the record crosses the network.
     */
    public transient Object decoded;

    public RawRecord() {}

    public RawRecord(byte[] value, String topic, int partition, long offset, long kafkaTimestamp) {
        this.value = value;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.kafkaTimestamp = kafkaTimestamp;
    }

    /** A record that did not come from Kafka, e.g. a file replayed in a test or an evaluation. */
    public static RawRecord of(byte[] value) {
        return new RawRecord(value, "", -1, -1, 0);
    }

    public int size() {
        return value == null ? 0 : value.length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RawRecord)) {
            return false;
        }
        RawRecord that = (RawRecord) o;
        return partition == that.partition
                && offset == that.offset
                && kafkaTimestamp == that.kafkaTimestamp
                && Arrays.equals(value, that.value)
                && Objects.equals(topic, that.topic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset + " (" + size() + " bytes)";
    }
}
