package dev.guardian.logs.anomaly;

import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import dev.guardian.schemas.Anomaly;
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
 * A key's state is dropped after {@code idleStateMillis} without a line and without ticking.
 */
public class TemplateFrequencyDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    static final String DETECTOR = "log-template-frequency/1";

    /** Service and template id. */
    public static final KeySelector<LogRecord, String> KEY = r -> r.service + '\n' + r.templateId;

    private final LogAnomalySettings settings;
    private transient ValueState<TemplateMinuteCount> minutes;

    public TemplateFrequencyDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        minutes =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "template-minutes", Types.POJO(TemplateMinuteCount.class)));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        TemplateMinuteCount m = minutes.value();
        if (m == null) {
            m = new TemplateMinuteCount();
            m.service = record.service;
            m.templateId = record.templateId;
        }
        m.template = record.template;
        if (m.isAfterOpenMinute(record.timestampMillis)) {
            ctx.timerService().deleteEventTimeTimer(m.timer());
            judge(m, ctx, out);
        }
        if (!m.isOpen()) {
            ctx.timerService()
                    .registerEventTimeTimer(m.open(record.timestampMillis, settings.alpha));
        }
        m.count++;
        m.addExample(record.message);
        minutes.update(m);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        TemplateMinuteCount m = minutes.value();
        if (m == null) {
            return;
        }
        if (m.isOpen() && m.timer() == timestamp) {
            judge(m, ctx, out);
            minutes.update(m);
        } else if (m.cleanupTimer == timestamp && !m.isOpen()) {
            minutes.clear();
        }
    }

    private void judge(TemplateMinuteCount m, Context ctx, Collector<Anomaly> out) {
        RateBaseline b = m.baseline;
        boolean warm = b.minutes >= settings.warmupMinutes;
        double upper = b.mean + settings.templateSpikeZ * b.spread();
        double z = b.zScore(m.count);
        if (warm
                && m.count >= settings.templateSpikeMinCount
                && z >= settings.templateSpikeZ
                && m.count >= settings.templateSpikeMinRatio * b.mean) {
            out.collect(burst(m, z, upper));
        }
        boolean watched = warm && b.mean >= settings.templateDropMinMean;
        if (watched && m.count <= settings.templateDropFraction * b.mean) {
            m.lowMinutes++;
            if (m.lowMinutes == settings.templateDropMinutes) {
                out.collect(drop(m));
            }
        } else {
            m.lowMinutes = 0;
        }
        long closed = m.minuteStart;
        m.close(settings.alpha, upper);
        if (m.baseline.mean >= settings.templateDropMinMean && warm) {
            ctx.timerService()
                    .registerEventTimeTimer(m.open(closed + MinuteCount.MINUTE, settings.alpha));
        } else {
            if (m.cleanupTimer != MinuteCount.NONE) {
                ctx.timerService().deleteEventTimeTimer(m.cleanupTimer);
            }
            m.cleanupTimer = closed + MinuteCount.MINUTE + settings.idleStateMillis;
            ctx.timerService().registerEventTimeTimer(m.cleanupTimer);
        }
    }

    private Anomaly burst(TemplateMinuteCount m, double z, double upper) {
        RateBaseline b = m.baseline;
        Anomaly anomaly =
                base(m, "burst")
                        .setValue(m.count)
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
                                        m.service,
                                        m.template,
                                        m.count,
                                        b.mean,
                                        z))
                        .build();
        return finish(m, anomaly, "burst");
    }

    private Anomaly drop(TemplateMinuteCount m) {
        RateBaseline b = m.baseline;
        Anomaly anomaly =
                base(m, "drop")
                        .setValue(m.count)
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
                        .setGrade(dev.guardian.schemas.AnomalyGrade.MEDIUM)
                        .setExplanation(
                                String.format(
                                        Locale.ROOT,
                                        "%s has logged '%s' at most %d times a minute for %d"
                                                + " minutes, normally %.1f a minute",
                                        m.service,
                                        m.template,
                                        Math.max(m.count, 0),
                                        m.lowMinutes,
                                        b.mean))
                        .build();
        return finish(m, anomaly, "drop");
    }

    private Anomaly.Builder base(TemplateMinuteCount m, String direction) {
        return LogAnomalies.builder(
                        DETECTOR + "/" + direction,
                        m.service + "/" + m.templateId,
                        "template_lines_per_minute",
                        m.minuteStart)
                .setUnit("1/min")
                .setDriver(m.template);
    }

    private static Anomaly finish(TemplateMinuteCount m, Anomaly anomaly, String direction) {
        anomaly.getLabels().put("service", m.service);
        anomaly.getLabels().put("template_id", m.templateId);
        anomaly.getLabels().put("direction", direction);
        anomaly.getEvidence().put("template", m.template);
        LogAnomalies.putExamples(anomaly.getEvidence(), m.examples);
        anomaly.getLinks()
                .put(
                        LogAnomalies.ELASTICSEARCH_LINK,
                        LogSearch.query(
                                m.service,
                                m.templateId,
                                m.minuteStart - 15 * MinuteCount.MINUTE,
                                m.timer()));
        return anomaly;
    }
}
