package dev.guardian.billing.record;

import dev.guardian.common.kafka.EventTimeExtractor;
import dev.guardian.common.kafka.RawRecord;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Decodes and validates billing records in the Kafka source to read their event time (the earliest
 * ChargePeriodStart of the message), so the source keeps one watermark per partition: with one
 * watermark after the source, a partition read ahead of the other would make the other's hours
 * late. Leaves the outcome (the deliveries or why they failed) on the record for {@link
 * DecodeBillingRecords}. A bad message has no event time and cannot move the watermark.
 */
public class BillingEventTime implements EventTimeExtractor {

    private static final long serialVersionUID = 1L;

    private final BillingRecordDecoder decoder;

    public BillingEventTime(Configuration conf) {
        this.decoder = new BillingRecordDecoder(conf);
    }

    @Override
    public long extract(RawRecord record) {
        try {
            List<BillingDelivery> deliveries = decoder.decode(record, System.currentTimeMillis());
            record.decoded = deliveries;
            long earliest = Long.MAX_VALUE;
            for (BillingDelivery d : deliveries) {
                earliest = Math.min(earliest, d.record.getChargePeriodStart().toEpochMilli());
            }
            return earliest;
        } catch (Exception | StackOverflowError e) {
            record.decoded = e;
            return NO_TIMESTAMP;
        }
    }

    /** The deliveries an extraction left, or its failure rethrown. */
    @SuppressWarnings("unchecked")
    static List<BillingDelivery> deliveries(Object outcome) throws Exception {
        if (outcome instanceof Exception) {
            throw (Exception) outcome;
        }
        if (outcome instanceof StackOverflowError) {
            throw (StackOverflowError) outcome;
        }
        return (List<BillingDelivery>) outcome;
    }

    /** Stamps in-memory records as the Kafka source would (tests, benchmarks, evaluations). */
    public static List<RawRecord> stamp(List<RawRecord> records, Configuration conf) {
        BillingEventTime eventTime = new BillingEventTime(conf);
        for (RawRecord r : records) {
            r.eventTimestamp = eventTime.extract(r);
            r.decoded = null; // not carried by fromData; the decode step decodes again
        }
        return records;
    }
}
