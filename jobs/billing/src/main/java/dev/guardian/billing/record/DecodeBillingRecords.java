package dev.guardian.billing.record;

import dev.guardian.billing.BillingJob;
import dev.guardian.billing.BillingJobOptions;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.GuardianAvroTrust;
import dev.guardian.schemas.serde.RecordCodec;
import java.util.ArrayList;
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

    private final RecordCodec<BillingRecord> codec = RecordCodec.of(BillingRecord.class);
    private final BillingRecordValidator validator;
    private final int maxRecordBytes;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    private transient Counter deadLetters;
    private transient Counter decoded;

    public DecodeBillingRecords(Configuration conf) {
        this.validator = BillingRecordValidator.from(conf);
        this.maxRecordBytes = conf.get(BillingJobOptions.MAX_RECORD_BYTES);
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
        List<BillingDelivery> deliveries;
        try {
            deliveries = decode(record, now);
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
        if (record.size() > maxRecordBytes) {
            throw new InvalidRecordException(
                    "record is "
                            + record.size()
                            + " bytes, more than the limit of "
                            + maxRecordBytes);
        }
        if (record.size() == 0) {
            throw new InvalidRecordException("record is empty");
        }
        List<BillingRecord> rows = codec.decodeAll(record.value);
        if (rows.isEmpty()) {
            throw new InvalidRecordException("message holds no billing record");
        }
        // a message without a Kafka timestamp (a file) still orders by arrival
        long deliveredAt = record.kafkaTimestamp > 0 ? record.kafkaTimestamp : nowMillis;
        List<BillingDelivery> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BillingRecord row = rows.get(i);
            try {
                validator.validate(row, nowMillis);
            } catch (InvalidRecordException e) {
                throw rows.size() == 1
                        ? e
                        : new InvalidRecordException("row " + i + ": " + e.getMessage());
            }
            row.setRecordId(RecordIds.idOf(row));
            out.add(new BillingDelivery(deliveredAt, row));
        }
        return out;
    }
}
