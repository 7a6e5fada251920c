package dev.guardian.common.kafka;

import java.io.Serializable;

/**
 * Reads a record's event time while it is still in the Kafka source, so that the source can keep
 * one watermark per partition (with idleness) rather than one for the whole subtask: with a single
 * watermark after the source, a partition read ahead of another makes the other's records late.
 *
 * <p>An extractor usually has to decode the record to find its time; it may leave the result in
 * {@link RawRecord#decoded} so the job's decode step does not decode twice.
 */
public interface EventTimeExtractor extends Serializable {

    /** Returned for a record with no usable event time: it leaves the watermark where it is. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * The event time in epoch milliseconds, or {@link #NO_TIMESTAMP} for a record that is bad or
     * implausibly stamped (it must not move the watermark: a point stamped a year ahead would make
     * every later record late).
     */
    long extract(RawRecord record);

    /** For streams whose records carry no event time of their own: Kafka's timestamp. */
    static EventTimeExtractor kafkaTimestamp() {
        return record -> record.kafkaTimestamp;
    }
}
