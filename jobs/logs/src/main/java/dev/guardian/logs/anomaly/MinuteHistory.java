package dev.guardian.logs.anomaly;

/**
 * A key's per-minute baseline and the last minute judged. Subclasses add what a rule needs to name
 * its key in an anomaly. A Flink POJO.
 */
public class MinuteHistory {

    public static final long NONE = Long.MIN_VALUE;

    public RateBaseline baseline = new RateBaseline();

    /** Start of the last minute judged, or {@link #NONE}. */
    public long lastJudged = NONE;

    /** Consecutive minutes judged low (used by drop detection). */
    public int lowMinutes;

    /** Pending state-cleanup timer, or {@link #NONE}. */
    public long cleanupTimer = NONE;

    public MinuteHistory() {}

    /** Learns the minutes between the last judged one and {@code minute} as empty. */
    public void skipTo(long minute, double alpha) {
        if (lastJudged != NONE && minute > lastJudged + MinuteBuckets.MINUTE) {
            baseline.observeEmpty((minute - lastJudged) / MinuteBuckets.MINUTE - 1, alpha);
        }
    }
}
