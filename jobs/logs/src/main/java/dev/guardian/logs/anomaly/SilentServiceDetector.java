package dev.guardian.logs.anomaly;

import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import java.time.Instant;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by service: a service that usually logs (baseline of at least {@code silenceMinRate} lines
 * a minute, warm) and has logged nothing for {@link LogAnomalySettings#silence()} of event time is
 * silent, reported once per silence. Event time advances with the other services' lines (the
 * watermark), so one service's silence is seen while the rest of the stream flows; when the whole
 * stream stops, nothing is reported here (that is the sources' idleness, not a service's).
 *
 * <p>The silence timer is aligned to the minute after the last line, so a steady service costs one
 * timer change a minute, not one per line. State is dropped {@code idleStateMillis} after the last
 * line.
 */
public class SilentServiceDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    static final String DETECTOR = "log-silent-service/1";

    private final LogAnomalySettings settings;
    private transient ValueState<ServiceActivity> activity;

    public SilentServiceDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        activity =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "service-activity", Types.POJO(ServiceActivity.class)));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        ServiceActivity a = activity.value();
        if (a == null) {
            a = new ServiceActivity();
        }
        if (a.isAfterOpenMinute(record.timestampMillis)) {
            ctx.timerService().deleteEventTimeTimer(a.timer());
            a.close(settings.alpha, Double.MAX_VALUE);
        }
        if (!a.isOpen()) {
            ctx.timerService()
                    .registerEventTimeTimer(a.open(record.timestampMillis, settings.alpha));
        }
        a.count++;
        if (record.timestampMillis >= a.lastSeen) {
            a.lastSeen = record.timestampMillis;
            a.lastMessage = record.message;
            a.reported = false;
            long silence =
                    MinuteCount.minuteOf(a.lastSeen) + MinuteCount.MINUTE + settings.silenceMillis;
            if (silence != a.silenceTimer) {
                replace(ctx, a.silenceTimer, silence);
                a.silenceTimer = silence;
                long cleanup = silence + settings.idleStateMillis;
                replace(ctx, a.cleanupTimer, cleanup);
                a.cleanupTimer = cleanup;
            }
        }
        activity.update(a);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        ServiceActivity a = activity.value();
        if (a == null) {
            return;
        }
        if (timestamp == a.cleanupTimer) {
            activity.clear();
            return;
        }
        if (a.isOpen() && timestamp == a.timer()) {
            a.close(settings.alpha, Double.MAX_VALUE);
        }
        if (timestamp == a.silenceTimer && !a.reported) {
            RateBaseline b = a.baseline;
            if (b.minutes >= settings.warmupMinutes && b.mean >= settings.silenceMinRate) {
                out.collect(anomaly(ctx.getCurrentKey(), a, timestamp));
                a.reported = true;
            }
        }
        activity.update(a);
    }

    private static void replace(Context ctx, long previous, long next) {
        if (previous != MinuteCount.NONE) {
            ctx.timerService().deleteEventTimeTimer(previous);
        }
        ctx.timerService().registerEventTimeTimer(next);
    }

    private Anomaly anomaly(String service, ServiceActivity a, long now) {
        long silentMinutes = (now - a.lastSeen) / MinuteCount.MINUTE;
        Anomaly anomaly =
                LogAnomalies.builder(DETECTOR, service, "lines_per_minute", a.lastSeen)
                        .setValue(0)
                        .setExpected(a.baseline.mean)
                        .setLower(settings.silenceMinRate)
                        .setUnit("1/min")
                        .setScore(0.8)
                        .setGrade(AnomalyGrade.HIGH)
                        .setDriver("no lines")
                        .setExplanation(
                                String.format(
                                        Locale.ROOT,
                                        "%s has logged nothing for %d minutes (since %s),"
                                                + " normally %.1f lines a minute",
                                        service,
                                        silentMinutes,
                                        Instant.ofEpochMilli(a.lastSeen),
                                        a.baseline.mean))
                        .build();
        anomaly.getLabels().put("service", service);
        anomaly.getEvidence().put("last_seen", Instant.ofEpochMilli(a.lastSeen).toString());
        if (a.lastMessage != null) {
            anomaly.getEvidence().put("last_line", a.lastMessage);
        }
        anomaly.getLinks()
                .put(
                        LogAnomalies.ELASTICSEARCH_LINK,
                        LogSearch.query(service, null, a.lastSeen - 15 * MinuteCount.MINUTE, now));
        return anomaly;
    }
}
