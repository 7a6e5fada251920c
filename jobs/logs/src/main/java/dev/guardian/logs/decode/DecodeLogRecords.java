package dev.guardian.logs.decode;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.logs.LogRecord;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordDecodingException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * First step of the logs job: {@code logs.events} records to {@link LogRecord}s ({@link
 * LogEventDecoder}). Whatever is refused, for any reason, leaves through the dead-letter side
 * output with the reason; no input fails the job. Counts lines ({@code linesDecoded}), dead letters
 * ({@code deadLetters}) and each repair ({@code decode.<flag>}).
 */
public class DecodeLogRecords extends ProcessFunction<RawRecord, LogRecord> {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "decode";

    private final LogEventDecoder decoder;
    private final String job;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    private transient Counter deadLetters;
    private transient Counter decoded;
    private transient Map<String, Counter> repairs;

    public DecodeLogRecords(DecodeLimits limits, String job) {
        this.decoder = new LogEventDecoder(limits);
        this.job = job;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        deadLetters = metrics.counter("deadLetters");
        decoded = metrics.counter("linesDecoded");
        repairs = new HashMap<>();
        MetricGroup group = metrics.addGroup("decode");
        for (String flag : LogFlags.ALL) {
            repairs.put(flag, group.counter(flag));
        }
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<LogRecord> out) {
        long now = ctx.timerService().currentProcessingTime();
        LogEventDecoder.Result result;
        try {
            result = decoder.decode(record, now);
        } catch (Exception | StackOverflowError e) {
            // StackOverflowError: whatever slips past the nesting limit must not take the
            // TaskManager down with it.
            deadLetter(record, e, ctx, now);
            return;
        }
        for (LogRecord line : result.records()) {
            for (String flag : line.flags) {
                repairs.get(flag).inc();
            }
            decoded.inc();
            out.collect(line);
        }
        for (RecordDecodingException failure : result.failures()) {
            deadLetter(record, failure, ctx, now);
        }
    }

    private void deadLetter(RawRecord record, Throwable e, Context ctx, long now) {
        deadLetters.inc();
        ctx.output(deadLetterTag, DeadLetters.of(record, e, job, STAGE, now));
    }
}
