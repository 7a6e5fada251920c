package dev.guardian.metrics.rollup;

import dev.guardian.metrics.MetricSample;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The job's former rollup (until {@link RollUpMinutes}): a window's incremental aggregate, kept as
 * the reference the new operator's output is compared with.
 */
class WindowRollupAggregate
        implements AggregateFunction<MetricSample, RollupAccumulator, RollupAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public RollupAccumulator createAccumulator() {
        return new RollupAccumulator();
    }

    @Override
    public RollupAccumulator add(MetricSample sample, RollupAccumulator acc) {
        if (acc.series == null) {
            acc.series = sample.series;
            acc.name = sample.name;
            acc.labels = sample.labels;
        }
        acc.add(sample.value, sample.timestampMillis);
        return acc;
    }

    @Override
    public RollupAccumulator getResult(RollupAccumulator acc) {
        return acc;
    }

    @Override
    public RollupAccumulator merge(RollupAccumulator a, RollupAccumulator b) {
        throw new UnsupportedOperationException("tumbling windows never merge");
    }
}
