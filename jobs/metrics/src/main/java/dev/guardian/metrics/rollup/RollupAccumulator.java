package dev.guardian.metrics.rollup;

import dev.guardian.metrics.MetricRollup;

/**
 * Running count, min, max, sum and last value of one series in one minute, and how many times the
 * minute has been emitted. A Flink POJO.
 */
public class RollupAccumulator {

    public long count;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public double sum;
    public double last;
    public long lastTimestampMillis = Long.MIN_VALUE;

    /** The revision of the next emission: 0 until the minute is first emitted. */
    public long revision;

    /** Series identity, copied from the first point so the window function need not look it up. */
    public String series;

    public String name;
    public String[] labels;

    public RollupAccumulator() {}

    void add(double value, long timestampMillis) {
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += value;
        // Ties keep the later arrival, matching what a reader of the raw table sees last.
        if (timestampMillis >= lastTimestampMillis) {
            last = value;
            lastTimestampMillis = timestampMillis;
        }
    }

    /** The minute as it stands, as the next revision. */
    MetricRollup toRollup(long seriesId, long minuteStartMillis) {
        MetricRollup rollup = new MetricRollup();
        rollup.seriesId = seriesId;
        rollup.series = series;
        rollup.name = name;
        rollup.labels = labels;
        rollup.minuteStartMillis = minuteStartMillis;
        rollup.count = count;
        rollup.min = min;
        rollup.max = max;
        rollup.sum = sum;
        rollup.last = last;
        rollup.lastTimestampMillis = lastTimestampMillis;
        rollup.revision = revision++;
        return rollup;
    }
}
