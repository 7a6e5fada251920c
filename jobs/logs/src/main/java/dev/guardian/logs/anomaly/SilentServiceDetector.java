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
import org.apache.flink.util.OutputTag;

/**
 * Keyed by service: a service that usually logs (baseline of at least {@code silenceMinRate} lines
 * a minute, warm) and has logged nothing for {@link LogAnomalySettings#silence()} of event time is
 * silent, reported once per silence. Event time advances with the other services' lines (the
 * watermark), so one service's silence is seen while the rest of the stream flows; when the whole
 * stream stops, nothing is reported here (that is the sources' idleness, not a service's).
 *
 * <p>The silence timer is aligned to whole minutes after the last line, so a steady service moves
 * it once a minute, not once per line. State is dropped {@code idleStateMillis} after the last
 * line.
 *
 * <p>The first line after a reported silence goes to {@link #RESUMED}, so the silence's alert can
 * resolve.
 */
public class SilentServiceDetector extends KeyedProcessFunction<String, LogRecord, Anomaly> {

    private static final long serialVersionUID = 1L;

    public static final String DETECTOR = "log-silent-service/1";

    /** A service reported silent logged again. */
    public static final OutputTag<ServiceResumed> RESUMED = new OutputTag<>("service-resumed") {};

    private final LogAnomalySettings settings;
    private transient MinuteBuckets buckets;
    private transient ValueState<ServiceActivity> activity;

    public SilentServiceDetector(LogAnomalySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        buckets = new MinuteBuckets(getRuntimeContext(), "service-minutes");
        activity =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "service-activity", Types.POJO(ServiceActivity.class)));
    }

    @Override
    public void processElement(LogRecord record, Context ctx, Collector<Anomaly> out)
            throws Exception {
        long minute = buckets.minuteFor(record.timestampMillis, ctx.timerService());
        MinuteBucket bucket = buckets.get(minute);
        bucket.count++;
        bucket.lines++;
        buckets.put(minute, bucket);

        ServiceActivity a = activity.value();
        if (a == null) {
            a = new ServiceActivity();
        }
        if (record.timestampMillis >= a.lastSeen) {
            if (a.reported) {
                ctx.output(
                        RESUMED,
                        new ServiceResumed(
                                ctx.getCurrentKey(), record.timestampMillis, a.lastSeen));
            }
            a.lastSeen = record.timestampMillis;
            a.lastMessage = MinuteBucket.cut(record.message);
            a.reported = false;
            long silence =
                    MinuteBuckets.nextWholeMinute(a.lastSeen)
                            + wholeMinutes(settings.silenceMillis);
            a.silenceTimer = Cleanup.reschedule(ctx.timerService(), a.silenceTimer, silence);
            a.cleanupTimer =
                    Cleanup.reschedule(
                            ctx.timerService(),
                            a.cleanupTimer,
                            silence + wholeMinutes(settings.idleStateMillis));
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
        if (MinuteBuckets.isMinuteTimer(timestamp)) {
            long minute = MinuteBuckets.minuteOfTimer(timestamp);
            MinuteBucket bucket = buckets.take(minute);
            a.skipTo(minute, settings.alpha);
            a.baseline.observe(bucket.count, settings.alpha, Double.MAX_VALUE);
            a.lastJudged = minute;
            activity.update(a);
        } else if (timestamp == a.cleanupTimer) {
            activity.clear();
            buckets.clear();
        } else if (timestamp == a.silenceTimer && !a.reported) {
            // The end of a bounded input fires every timer: that is not a silence.
            boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
            RateBaseline b = a.baseline;
            if (!endOfInput
                    && b.minutes >= settings.warmupMinutes
                    && b.mean >= settings.silenceMinRate) {
                out.collect(anomaly(ctx.getCurrentKey(), a, timestamp));
                a.reported = true;
                activity.update(a);
            }
        }
    }

    private static long wholeMinutes(long millis) {
        return Math.max(1, (millis + MinuteBuckets.MINUTE - 1) / MinuteBuckets.MINUTE)
                * MinuteBuckets.MINUTE;
    }

    private Anomaly anomaly(String service, ServiceActivity a, long now) {
        long silentMinutes = (now - a.lastSeen) / MinuteBuckets.MINUTE;
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
                        LogSearch.query(
                                service, null, a.lastSeen - 15 * MinuteBuckets.MINUTE, now));
        return anomaly;
    }
}
