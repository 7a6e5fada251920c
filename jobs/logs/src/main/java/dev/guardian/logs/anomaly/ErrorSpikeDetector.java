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
 * carries example error lines of the minute and the query for all of them.
 */
public class ErrorSpikeDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    static final String DETECTOR = "log-error-spike/1";

    private final LogAnomalySettings settings;
    private transient ValueState<MinuteCount> minutes;

    public ErrorSpikeDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        minutes =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "error-minutes", Types.POJO(MinuteCount.class)));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        MinuteCount m = minutes.value();
        if (m == null) {
            m = new MinuteCount();
        }
        if (m.isAfterOpenMinute(record.timestampMillis)) {
            ctx.timerService().deleteEventTimeTimer(m.timer());
            judge(ctx.getCurrentKey(), m, out);
        }
        if (!m.isOpen()) {
            ctx.timerService()
                    .registerEventTimeTimer(m.open(record.timestampMillis, settings.alpha));
        }
        m.lines++;
        if (record.isError()) {
            m.count++;
            m.addExample(record.message);
        }
        minutes.update(m);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        MinuteCount m = minutes.value();
        if (m != null && m.isOpen() && m.timer() == timestamp) {
            judge(ctx.getCurrentKey(), m, out);
            minutes.update(m);
        }
    }

    private void judge(String service, MinuteCount m, Collector<Anomaly> out) {
        RateBaseline b = m.baseline;
        double threshold = b.mean + settings.errorSpikeZ * b.spread();
        double z = b.zScore(m.count);
        if (b.minutes >= settings.warmupMinutes
                && m.count >= settings.errorSpikeMinErrors
                && z >= settings.errorSpikeZ
                && m.count >= settings.errorSpikeMinRatio * b.mean) {
            out.collect(anomaly(service, m, z, threshold));
        }
        m.close(settings.alpha, threshold);
    }

    private Anomaly anomaly(String service, MinuteCount m, double z, double threshold) {
        RateBaseline b = m.baseline;
        Anomaly anomaly =
                LogAnomalies.builder(DETECTOR, service, "error_lines_per_minute", m.minuteStart)
                        .setValue(m.count)
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
                                        m.count,
                                        b.mean,
                                        z,
                                        m.lines))
                        .build();
        anomaly.getLabels().put("service", service);
        anomaly.getEvidence().put("lines", Long.toString(m.lines));
        LogAnomalies.putExamples(anomaly.getEvidence(), m.examples);
        anomaly.getLinks()
                .put(
                        LogAnomalies.ELASTICSEARCH_LINK,
                        LogSearch.errorsQuery(service, m.minuteStart, m.timer()));
        return anomaly;
    }
}
