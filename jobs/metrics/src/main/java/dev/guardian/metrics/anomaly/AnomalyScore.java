package dev.guardian.metrics.anomaly;

/**
 * The detector's verdict on one point, for the score time series (InfluxDB {@code anomaly_scores}):
 * value as scored (a counter's per-second rate), expected value and band, score. NaN where the
 * model has no opinion yet. A Flink POJO.
 */
public class AnomalyScore {

    public long seriesId;
    public String name;

    /** {@code k1, v1, ...} sorted by key. */
    public String[] labels;

    public long timestampMillis;
    public double value;
    public double expected;
    public double lower;
    public double upper;

    /** 0..1, held below the threshold while warming up and during a cool-down. */
    public double score;

    /** The detector's own score, before warm-up and cool-down. */
    public double rawScore;

    /** True on the point that opened an anomaly. */
    public boolean anomaly;

    public AnomalyScore() {}

    @Override
    public String toString() {
        return name
                + "#"
                + Long.toUnsignedString(seriesId)
                + " @"
                + timestampMillis
                + " value="
                + value
                + " expected="
                + expected
                + " score="
                + score;
    }
}
