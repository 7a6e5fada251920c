package dev.guardian.metrics.rollup;

import dev.guardian.metrics.MetricRollup;
import dev.guardian.metrics.MetricSample;
import java.time.Duration;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.internal.InternalValueState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * One-minute rollups per series, emitting exactly what a tumbling event-time window with allowed
 * lateness and an incremental aggregate emitted, at a fraction of its cost: one accumulator per
 * series and minute (keyed state in the minute's namespace, as the window keeps it), updated in
 * place, and its two timers registered once per minute rather than on every point (the window's
 * trigger and cleanup timers were most of the rollup's cost in profiles).
 *
 * <p>A minute fires when the watermark passes its end (revision 0), and again with the next
 * revision for each point that arrives after that but before the watermark passes its end plus the
 * allowed lateness; its state is cleared then, and later points are dropped, as the window dropped
 * them. Rollups carry the minute's last millisecond as their timestamp, as the window's did.
 */
public class RollUpMinutes extends AbstractStreamOperator<MetricRollup>
        implements OneInputStreamOperator<MetricSample, MetricRollup>, Triggerable<Long, Long> {

    private static final long serialVersionUID = 1L;

    static final long MINUTE_MILLIS = 60_000;

    /** Keyed state, one entry per series and open minute (namespace: the minute's start). */
    static final String STATE = "rollup-minute";

    private final long allowedLatenessMillis;

    private transient InternalValueState<Long, Long, RollupAccumulator> minutes;
    private transient InternalTimerService<Long> timers;
    private transient TimestampedCollector<MetricRollup> out;

    public RollUpMinutes(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        minutes =
                (InternalValueState<Long, Long, RollupAccumulator>)
                        getOrCreateKeyedState(
                                LongSerializer.INSTANCE,
                                new ValueStateDescriptor<>(
                                        STATE, TypeInformation.of(RollupAccumulator.class)));
        timers = getInternalTimerService("rollup-minute-timers", LongSerializer.INSTANCE, this);
        out = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<MetricSample> element) throws Exception {
        MetricSample sample = element.getValue();
        long minute = minuteStart(sample.timestampMillis);
        long end = minute + MINUTE_MILLIS - 1;
        long watermark = timers.currentWatermark();
        if (end + allowedLatenessMillis <= watermark) {
            return; // past the allowed lateness: the minute's final rollup is out
        }
        minutes.setCurrentNamespace(minute);
        RollupAccumulator acc = minutes.value();
        if (acc == null) {
            acc = new RollupAccumulator();
            acc.series = sample.series;
            acc.name = sample.name;
            acc.labels = sample.labels;
            if (end > watermark) {
                timers.registerEventTimeTimer(minute, end);
            }
            timers.registerEventTimeTimer(minute, end + allowedLatenessMillis);
        }
        acc.add(sample.value, sample.timestampMillis);
        if (end <= watermark) {
            emit(acc, minute, end); // a late update
        }
        minutes.update(acc);
    }

    @Override
    public void onEventTime(InternalTimer<Long, Long> timer) throws Exception {
        long minute = timer.getNamespace();
        long end = minute + MINUTE_MILLIS - 1;
        minutes.setCurrentNamespace(minute);
        if (timer.getTimestamp() == end) {
            RollupAccumulator acc = minutes.value();
            if (acc != null) {
                emit(acc, minute, end);
                minutes.update(acc);
            }
        }
        if (timer.getTimestamp() == end + allowedLatenessMillis) {
            minutes.clear();
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<Long, Long> timer) {}

    private void emit(RollupAccumulator acc, long minute, long end) {
        out.setAbsoluteTimestamp(end);
        out.collect(acc.toRollup((Long) getCurrentKey(), minute));
    }

    static long minuteStart(long timestampMillis) {
        // minutes aligned to the epoch, as TumblingEventTimeWindows.of(1 min) aligns them
        return timestampMillis - Math.floorMod(timestampMillis, MINUTE_MILLIS);
    }
}
