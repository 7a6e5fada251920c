package dev.guardian.metrics.validate;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.MetricsJob;
import dev.guardian.schemas.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes a Kafka record (Avro or JSON) into a valid {@link MetricSample}. Anything that fails, for
 * any reason, leaves through the dead-letter side output with the reason: no input can fail the
 * job. Uses the source's decoding ({@link MetricEventTime}) when the record arrives with it.
 */
public class DecodeMetricSamples extends ProcessFunction<RawRecord, MetricSample> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode";

    private final MetricPointDecoder decoder;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    private transient Counter deadLetters;
    private transient Counter decoded;

    public DecodeMetricSamples(Configuration conf) {
        this.decoder = new MetricPointDecoder(conf);
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        decoded = getRuntimeContext().getMetricGroup().counter("pointsDecoded");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<MetricSample> out) {
        long now = ctx.timerService().currentProcessingTime();
        Object outcome = record.decoded;
        record.decoded = null;
        try {
            if (outcome instanceof MetricSample) {
                out.collect((MetricSample) outcome);
            } else if (outcome instanceof Throwable) {
                throw (Throwable) outcome;
            } else {
                out.collect(decoder.decode(record, now));
            }
            decoded.inc();
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: deeply nested JSON must not take the TaskManager down with it.
            deadLetters.inc();
            ctx.output(deadLetterTag, DeadLetters.of(record, e, MetricsJob.NAME, STAGE, now));
        } catch (Throwable unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }
}
