package dev.guardian.metrics.rollup;

import dev.guardian.metrics.MetricRollup;
import dev.guardian.metrics.MetricSample;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One-minute rollups per series, with the semantics of a tumbling event-time window with allowed
 * lateness and an incremental aggregate, at a fraction of its cost: one accumulator per series and
 * minute, updated in place, and timers registered once per minute rather than twice per point (the
 * window operator's trigger and cleanup timers were most of the rollup's cost in profiles).
 *
 * <p>A minute fires when the watermark passes its end (revision 0), and again with the next
 * revision for each point that arrives after that but before the watermark passes its end plus the
 * allowed lateness; its state is cleared then, and later points are dropped, as the window dropped
 * them.
 */
public class RollUpMinutes extends KeyedProcessFunction<Long, MetricSample, MetricRollup> {

    private static final long serialVersionUID = 1L;

    static final long MINUTE_MILLIS = 60_000;

    /** State name; keyed by the minute's start in epoch milliseconds. */
    static final String STATE = "rollup-minutes";

    private final long allowedLatenessMillis;

    private transient MapState<Long, RollupAccumulator> minutes;

    public RollUpMinutes(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        minutes =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        STATE,
                                        Types.LONG,
                                        TypeInformation.of(RollupAccumulator.class)));
    }

    @Override
    public void processElement(MetricSample sample, Context ctx, Collector<MetricRollup> out)
            throws Exception {
        long minute = minuteStart(sample.timestampMillis);
        long end = minute + MINUTE_MILLIS - 1;
        long watermark = ctx.timerService().currentWatermark();
        if (end + allowedLatenessMillis <= watermark) {
            return; // past the allowed lateness: the minute's final rollup is out
        }
        RollupAccumulator acc = minutes.get(minute);
        if (acc == null) {
            acc = new RollupAccumulator();
            acc.series = sample.series;
            acc.name = sample.name;
            acc.labels = sample.labels;
            if (end > watermark) {
                ctx.timerService().registerEventTimeTimer(end);
            }
            if (allowedLatenessMillis > 0) {
                ctx.timerService().registerEventTimeTimer(end + allowedLatenessMillis);
            }
        }
        acc.add(sample.value, sample.timestampMillis);
        if (end <= watermark) {
            out.collect(acc.toRollup(ctx.getCurrentKey(), minute)); // a late update
        }
        minutes.put(minute, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MetricRollup> out)
            throws Exception {
        // one timestamp can be a minute's end and an earlier minute's end of lateness at once
        long endingMinute = timestamp + 1 - MINUTE_MILLIS;
        RollupAccumulator ending = minutes.get(endingMinute);
        if (ending != null && ending.revision == 0) {
            out.collect(ending.toRollup(ctx.getCurrentKey(), endingMinute));
            minutes.put(endingMinute, ending);
        }
        minutes.remove(endingMinute - allowedLatenessMillis);
    }

    static long minuteStart(long timestampMillis) {
        // minutes aligned to the epoch, as TumblingEventTimeWindows.of(1 min) aligns them
        return timestampMillis - Math.floorMod(timestampMillis, MINUTE_MILLIS);
    }
}
