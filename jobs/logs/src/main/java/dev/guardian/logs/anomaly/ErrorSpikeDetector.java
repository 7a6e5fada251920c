package dev.guardian.logs.anomaly;

import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import dev.guardian.schemas.Anomaly;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by service: the number of ERROR and FATAL lines per event-time minute against the service's
 * baseline. A minute is a spike when the baseline is warm, the errors reach a minimum count, stand
 * {@code z} spreads above the mean, and are at least {@code ratio} times the mean. The anomaly
 * carries example error lines of the minute and the query for all of them. State is dropped after
 * {@code idleStateMillis} without a line.
 */
public class ErrorSpikeDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    static final String DETECTOR = "log-error-spike/1";

    private final LogAnomalySettings settings;
    private transient MinuteBuckets buckets;
    private transient ValueState<MinuteHistory> history;

    public ErrorSpikeDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        buckets = new MinuteBuckets(getRuntimeContext(), "error-minutes");
        history =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "error-history", Types.POJO(MinuteHistory.class)));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        long minute = buckets.minuteFor(record.timestampMillis, ctx.timerService());
        MinuteBucket bucket = buckets.get(minute);
        bucket.lines++;
        if (record.isError()) {
            bucket.count++;
            bucket.addExample(record.message);
        }
        buckets.put(minute, bucket);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        MinuteHistory h = history.value();
        if (!MinuteBuckets.isMinuteTimer(timestamp)) {
            if (h != null && timestamp == h.cleanupTimer && buckets.isEmpty()) {
                history.clear();
            }
            return;
        }
        if (h == null) {
            h = new MinuteHistory();
        }
        long minute = MinuteBuckets.minuteOfTimer(timestamp);
        MinuteBucket bucket = buckets.take(minute);
        h.skipTo(minute, settings.alpha);
        RateBaseline b = h.baseline;
        double threshold = b.mean + settings.errorSpikeZ * b.spread();
        double z = b.zScore(bucket.count);
        if (b.minutes >= settings.warmupMinutes
                && bucket.count >= settings.errorSpikeMinErrors
                && z >= settings.errorSpikeZ
                && bucket.count >= settings.errorSpikeMinRatio * b.mean) {
            out.collect(anomaly(ctx.getCurrentKey(), minute, bucket, b, z, threshold));
        }
        b.observe(bucket.count, settings.alpha, threshold);
        h.lastJudged = minute;
        h.cleanupTimer =
                Cleanup.reschedule(
                        ctx.timerService(),
                        h.cleanupTimer,
                        MinuteBuckets.nextWholeMinute(timestamp) + settings.idleStateMillis);
        history.update(h);
    }

    private Anomaly anomaly(
            String service,
            long minute,
            MinuteBucket bucket,
            RateBaseline b,
            double z,
            double threshold) {
        Anomaly anomaly =
                LogAnomalies.builder(DETECTOR, service, "error_lines_per_minute", minute)
                        .setValue(bucket.count)
                        .setExpected(b.mean)
                        .setLower(0.0)
                        .setUpper(threshold)
                        .setUnit("1/min")
                        .setScore(LogAnomalies.score(z, settings.errorSpikeZ))
                        .setGrade(LogAnomalies.grade(z, settings.errorSpikeZ))
                        .setDriver("severity ERROR|FATAL")
                        .setExplanation(
                                String.format(
                                        Locale.ROOT,
                                        "%s logged %d error lines in one minute, %.1f expected"
                                                + " (%.1f spreads above normal; %d lines in total)",
                                        service,
                                        bucket.count,
                                        b.mean,
                                        z,
                                        bucket.lines))
                        .build();
        anomaly.getLabels().put("service", service);
        anomaly.getEvidence().put("lines", Long.toString(bucket.lines));
        LogAnomalies.putExamples(anomaly.getEvidence(), bucket.examples);
        anomaly.getLinks()
                .put(
                        LogAnomalies.ELASTICSEARCH_LINK,
                        LogSearch.errorsQuery(service, minute, MinuteBuckets.timerOf(minute)));
        return anomaly;
    }
}
