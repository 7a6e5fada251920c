package dev.guardian.metrics.rollup;

/** Running count, min, max, sum and last value of one series in one window. A Flink POJO. */
public class RollupAccumulator {

    public long count;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public double sum;
    public double last;
    public long lastTimestampMillis = Long.MIN_VALUE;

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

    RollupAccumulator merge(RollupAccumulator other) {
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sum += other.sum;
        if (other.lastTimestampMillis >= lastTimestampMillis) {
            last = other.last;
            lastTimestampMillis = other.lastTimestampMillis;
        }
        if (series == null) {
            series = other.series;
            name = other.name;
            labels = other.labels;
        }
        return this;
    }
}
