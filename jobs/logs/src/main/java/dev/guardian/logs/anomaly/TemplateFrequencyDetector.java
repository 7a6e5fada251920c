package dev.guardian.logs.anomaly;

import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by service and template ({@link #KEY}): lines of one template per event-time minute against
 * its baseline, both ways.
 *
 * <ul>
 *   <li><b>Burst</b>: warm baseline, at least a minimum count, {@code z} spreads above the mean and
 *       {@code ratio} times it.
 *   <li><b>Drop</b>: a template that normally appears at least {@code templateDropMinMean} times a
 *       minute falls below {@code templateDropFraction} of its mean for {@code templateDropMinutes}
 *       minutes in a row. While a template is that frequent its minute timer keeps ticking without
 *       lines, so its absence is noticed; reported once per drop.
 * </ul>
 *
 * A key's state is dropped after {@code idleStateMillis} without a judged minute.
 */
public class TemplateFrequencyDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    static final String DETECTOR = "log-template-frequency/1";

    /** Service and template id. */
    public static final KeySelector<LogRecord, String> KEY = r -> r.service + '\n' + r.templateId;

    private final LogAnomalySettings settings;
    private transient MinuteBuckets buckets;
    private transient ValueState<TemplateMinuteCount> history;

    public TemplateFrequencyDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        buckets = new MinuteBuckets(getRuntimeContext(), "template-minutes");
        history =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "template-history", Types.POJO(TemplateMinuteCount.class)));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        long minute = buckets.minuteFor(record.timestampMillis, ctx.timerService());
        MinuteBucket bucket = buckets.get(minute);
        bucket.count++;
        bucket.lines++;
        bucket.addExample(record.message);
        buckets.put(minute, bucket);
        TemplateMinuteCount h = history.value();
        if (h == null || !record.template.equals(h.template)) {
            if (h == null) {
                h = new TemplateMinuteCount();
                h.service = record.service;
                h.templateId = record.templateId;
            }
            h.template = record.template;
            history.update(h);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        TemplateMinuteCount h = history.value();
        if (h == null) {
            return;
        }
        if (!MinuteBuckets.isMinuteTimer(timestamp)) {
            if (timestamp == h.cleanupTimer && buckets.isEmpty()) {
                history.clear();
            }
            return;
        }
        long minute = MinuteBuckets.minuteOfTimer(timestamp);
        MinuteBucket bucket = buckets.take(minute);
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (endOfInput && bucket.count == 0) {
            return; // the end of a bounded input is not a drop: stop ticking
        }
        h.skipTo(minute, settings.alpha);
        RateBaseline b = h.baseline;
        boolean warm = b.minutes >= settings.warmupMinutes;
        double upper = b.mean + settings.templateSpikeZ * b.spread();
        double z = b.zScore(bucket.count);
        if (warm
                && bucket.count >= settings.templateSpikeMinCount
                && z >= settings.templateSpikeZ
                && bucket.count >= settings.templateSpikeMinRatio * b.mean) {
            out.collect(burst(h, minute, bucket, z, upper));
        }
        boolean watched = warm && b.mean >= settings.templateDropMinMean;
        if (watched && bucket.count <= settings.templateDropFraction * b.mean) {
            h.lowMinutes++;
            if (h.lowMinutes == settings.templateDropMinutes) {
                out.collect(drop(h, minute, bucket));
            }
        } else {
            h.lowMinutes = 0;
        }
        b.observe(bucket.count, settings.alpha, upper);
        h.lastJudged = minute;
        if (warm && b.mean >= settings.templateDropMinMean && !endOfInput) {
            ctx.timerService()
                    .registerEventTimeTimer(MinuteBuckets.timerOf(minute + MinuteBuckets.MINUTE));
        }
        h.cleanupTimer =
                Cleanup.reschedule(
                        ctx.timerService(),
                        h.cleanupTimer,
                        MinuteBuckets.nextWholeMinute(timestamp) + settings.idleStateMillis);
        history.update(h);
    }

    private Anomaly burst(
            TemplateMinuteCount h, long minute, MinuteBucket bucket, double z, double upper) {
        RateBaseline b = h.baseline;
        Anomaly anomaly =
                base(h, minute, "burst")
                        .setValue(bucket.count)
                        .setExpected(b.mean)
                        .setLower(0.0)
                        .setUpper(upper)
                        .setScore(LogAnomalies.score(z, settings.templateSpikeZ))
                        .setGrade(LogAnomalies.grade(z, settings.templateSpikeZ))
                        .setExplanation(
                                String.format(
                                        Locale.ROOT,
                                        "%s logged '%s' %d times in one minute, %.1f expected"
                                                + " (%.1f spreads above normal)",
                                        h.service,
                                        h.template,
                                        bucket.count,
                                        b.mean,
                                        z))
                        .build();
        return finish(h, minute, bucket, anomaly, "burst");
    }

    private Anomaly drop(TemplateMinuteCount h, long minute, MinuteBucket bucket) {
        RateBaseline b = h.baseline;
        Anomaly anomaly =
                base(h, minute, "drop")
                        .setValue(bucket.count)
                        .setExpected(b.mean)
                        .setLower(settings.templateDropFraction * b.mean)
                        .setScore(
                                0.5
                                        + 0.5
                                                * Math.min(
                                                        1,
                                                        b.mean
                                                                / (4
                                                                        * settings.templateDropMinMean)))
                        .setGrade(AnomalyGrade.MEDIUM)
                        .setExplanation(
                                String.format(
                                        Locale.ROOT,
                                        "%s has logged '%s' at most %d times a minute for %d"
                                                + " minutes, normally %.1f a minute",
                                        h.service,
                                        h.template,
                                        bucket.count,
                                        h.lowMinutes,
                                        b.mean))
                        .build();
        return finish(h, minute, bucket, anomaly, "drop");
    }

    private static Anomaly.Builder base(TemplateMinuteCount h, long minute, String direction) {
        return LogAnomalies.builder(
                        DETECTOR + "/" + direction,
                        h.service + "/" + h.templateId,
                        "template_lines_per_minute",
                        minute)
                .setUnit("1/min")
                .setDriver(h.template);
    }

    private static Anomaly finish(
            TemplateMinuteCount h,
            long minute,
            MinuteBucket bucket,
            Anomaly anomaly,
            String direction) {
        anomaly.getLabels().put("service", h.service);
        anomaly.getLabels().put("template_id", h.templateId);
        anomaly.getLabels().put("direction", direction);
        anomaly.getEvidence().put("template", h.template);
        LogAnomalies.putExamples(anomaly.getEvidence(), bucket.examples);
        anomaly.getLinks()
                .put(
                        LogAnomalies.ELASTICSEARCH_LINK,
                        LogSearch.query(
                                h.service,
                                h.templateId,
                                minute - 15 * MinuteBuckets.MINUTE,
                                MinuteBuckets.timerOf(minute)));
        return anomaly;
    }
}
