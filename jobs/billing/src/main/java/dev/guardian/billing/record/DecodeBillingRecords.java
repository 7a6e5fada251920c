package dev.guardian.billing.record;

import dev.guardian.billing.BillingJob;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.GuardianAvroTrust;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes a Kafka message (Avro, a JSON object, or a JSON array of FOCUS rows) into validated
 * {@link BillingDelivery}s with their stable ids. A message is all or nothing: if one row of an
 * array fails, the whole message goes to the dead-letter topic with the reason, so a producer's
 * file is never half loaded.
 */
public class DecodeBillingRecords extends ProcessFunction<RawRecord, BillingDelivery> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode";

    private final BillingRecordDecoder decoder;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    private transient Counter deadLetters;
    private transient Counter decoded;

    public DecodeBillingRecords(Configuration conf) {
        this.decoder = new BillingRecordDecoder(conf);
    }

    @Override
    public void open(OpenContext openContext) {
        GuardianAvroTrust.install();
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        decoded = getRuntimeContext().getMetricGroup().counter("recordsDecoded");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<BillingDelivery> out) {
        long now = ctx.timerService().currentProcessingTime();
        Object outcome = record.decoded; // what the source's BillingEventTime decoded, if chained
        record.decoded = null;
        List<BillingDelivery> deliveries;
        try {
            deliveries =
                    outcome == null ? decode(record, now) : BillingEventTime.deliveries(outcome);
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: deeply nested JSON must not take the TaskManager down with it.
            deadLetters.inc();
            ctx.output(deadLetterTag, DeadLetters.of(record, e, BillingJob.NAME, STAGE, now));
            return;
        }
        for (BillingDelivery delivery : deliveries) {
            out.collect(delivery);
        }
        decoded.inc(deliveries.size());
    }

    List<BillingDelivery> decode(RawRecord record, long nowMillis) throws InvalidRecordException {
        return decoder.decode(record, nowMillis);
    }
}
