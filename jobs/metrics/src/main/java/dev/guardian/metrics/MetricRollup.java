package dev.guardian.metrics;

/**
 * One series over one event-time minute: count, min, max, sum and the last value. A late point
 * re-emits the minute with a higher {@link #revision}, which the ClickHouse table keeps.
 */
public class MetricRollup {

    public long seriesId;
    public String series;
    public String name;
    public String[] labels;
    public long minuteStartMillis;
    public long count;
    public double min;
    public double max;
    public double sum;
    public double last;

    /** Event time of {@link #last}. */
    public long lastTimestampMillis;

    /** 0 for the on-time emission, then 1, 2, ... for re-emissions caused by late points. */
    public long revision;

    public MetricRollup() {}

    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public String toString() {
        return series
                + " @"
                + minuteStartMillis
                + " count="
                + count
                + " min="
                + min
                + " max="
                + max
                + " sum="
                + sum
                + " last="
                + last
                + " rev="
                + revision;
    }
}
