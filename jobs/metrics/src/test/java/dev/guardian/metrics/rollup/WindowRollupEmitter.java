package dev.guardian.metrics.rollup;

import dev.guardian.metrics.MetricRollup;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The job's former rollup emission (until {@link RollUpMinutes}), kept as the reference. Turns a
 * window's accumulator into a {@link MetricRollup}. A window fires once on time and again for each
 * late point within the allowed lateness; the per-window revision counter numbers those firings so
 * ClickHouse keeps the newest, and is cleared with the window.
 */
class WindowRollupEmitter
        extends ProcessWindowFunction<RollupAccumulator, MetricRollup, Long, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private static final ValueStateDescriptor<Long> REVISION =
            new ValueStateDescriptor<>("rollup-revision", Long.class);

    @Override
    public void process(
            Long seriesId,
            Context context,
            Iterable<RollupAccumulator> accumulators,
            Collector<MetricRollup> out)
            throws Exception {
        RollupAccumulator acc = accumulators.iterator().next();
        ValueState<Long> revisionState = context.windowState().getState(REVISION);
        Long previous = revisionState.value();
        long revision = previous == null ? 0 : previous + 1;
        revisionState.update(revision);

        MetricRollup rollup = new MetricRollup();
        rollup.seriesId = seriesId;
        rollup.series = acc.series;
        rollup.name = acc.name;
        rollup.labels = acc.labels;
        rollup.minuteStartMillis = context.window().getStart();
        rollup.count = acc.count;
        rollup.min = acc.min;
        rollup.max = acc.max;
        rollup.sum = acc.sum;
        rollup.last = acc.last;
        rollup.lastTimestampMillis = acc.lastTimestampMillis;
        rollup.revision = revision;
        out.collect(rollup);
    }

    @Override
    public void clear(Context context) throws Exception {
        context.windowState().getState(REVISION).clear();
    }
}
