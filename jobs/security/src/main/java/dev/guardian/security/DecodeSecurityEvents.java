package dev.guardian.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordFormat;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A Kafka record to {@link SecurityEvent}s: Avro SecurityEvents as they are; JSON CloudTrail
 * records, single or in a {@code Records} envelope, normalized. Each record that cannot be read
 * leaves through the dead-letter side output with its reason, and the others of the same envelope
 * go on.
 */
public class DecodeSecurityEvents extends ProcessFunction<RawRecord, SecurityEvent> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode";

    private final int maxMessageBytes;
    private final RecordCodec<SecurityEvent> avro = RecordCodec.of(SecurityEvent.class);
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();
    private transient CloudTrailRecords records;
    private transient Counter deadLetters;
    private transient Counter decoded;

    public DecodeSecurityEvents(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void open(OpenContext context) {
        records = new CloudTrailRecords(maxMessageBytes);
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        decoded = getRuntimeContext().getMetricGroup().counter("eventsDecoded");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<SecurityEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        try {
            if (record.value != null && RecordFormat.detect(record.value) == RecordFormat.AVRO) {
                out.collect(avro.decode(record.value));
                decoded.inc();
                return;
            }
            CloudTrailRecords.Batch batch =
                    records.parse(record.value == null ? new byte[0] : record.value);
            for (String reason : batch.rejects()) {
                reject(record, new InvalidRecordException(reason), now, ctx);
            }
            for (JsonNode json : batch.records()) {
                try {
                    out.collect(CloudTrailNormalizer.normalize(json));
                    decoded.inc();
                } catch (RuntimeException e) {
                    reject(record, e, now, ctx);
                }
            }
        } catch (Exception | StackOverflowError e) {
            reject(record, e, now, ctx);
        }
    }

    private void reject(RawRecord record, Throwable error, long now, Context ctx) {
        deadLetters.inc();
        ctx.output(deadLetterTag, DeadLetters.of(record, error, SecurityJob.NAME, STAGE, now));
    }
}
