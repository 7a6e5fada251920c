package dev.guardian.metrics.validate;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.MetricsJob;
import dev.guardian.metrics.MetricsJobOptions;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.serde.RecordCodec;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes a Kafka record (Avro or JSON) into a {@link MetricSample} and validates it. Anything that
 * fails, for any reason, leaves through the dead-letter side output with the reason: no input can
 * fail the job.
 */
public class DecodeMetricSamples extends ProcessFunction<RawRecord, MetricSample> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode";

    private final RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);
    private final MetricPointValidator validator;
    private final int maxRecordBytes;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    private transient Counter deadLetters;
    private transient Counter decoded;

    public DecodeMetricSamples(Configuration conf) {
        this.validator = MetricPointValidator.from(conf);
        this.maxRecordBytes = conf.get(MetricsJobOptions.MAX_RECORD_BYTES);
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        decoded = getRuntimeContext().getMetricGroup().counter("pointsDecoded");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<MetricSample> out) {
        long now = ctx.timerService().currentProcessingTime();
        try {
            out.collect(decode(record, now));
            decoded.inc();
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: deeply nested JSON must not take the TaskManager down with it.
            deadLetters.inc();
            ctx.output(deadLetterTag, DeadLetters.of(record, e, MetricsJob.NAME, STAGE, now));
        }
    }

    MetricSample decode(RawRecord record, long nowMillis) throws InvalidRecordException {
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
        MetricPoint point = codec.decode(record.value);
        long timestamp = point.getTimestamp().toEpochMilli();
        validator.validate(
                point.getName(), point.getLabels(), timestamp, point.getValue(), nowMillis);
        return MetricSample.of(
                point.getName(),
                point.getLabels(),
                timestamp,
                point.getValue(),
                point.getType() == null ? null : point.getType().name(),
                point.getUnit());
    }
}
