package dev.guardian.billing.record;

import dev.guardian.billing.BillingJobOptions;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * A Kafka message (Avro, a JSON object, or a JSON array of FOCUS rows) to validated {@link
 * BillingDelivery}s with their stable ids, all or nothing: if one row of an array fails, the whole
 * message fails with the reason, so a producer's file is never half loaded.
 */
public class BillingRecordDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<BillingRecord> codec = RecordCodec.of(BillingRecord.class);
    private final BillingRecordValidator validator;
    private final int maxRecordBytes;

    public BillingRecordDecoder(Configuration conf) {
        this.validator = BillingRecordValidator.from(conf);
        this.maxRecordBytes = conf.get(BillingJobOptions.MAX_RECORD_BYTES);
    }

    public List<BillingDelivery> decode(RawRecord record, long nowMillis)
            throws InvalidRecordException {
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
