package dev.guardian.logs.anomaly;

import java.util.Arrays;

/**
 * Counts of one key in the current event-time minute, with the key's {@link RateBaseline} and a few
 * example lines. One minute is open at a time: a record of a later minute closes the open one (its
 * timer may not have fired yet), and a late record of a closed minute counts in the next one, so
 * every record is counted once and every minute is judged once. A Flink POJO.
 */
public class MinuteCount {

    public static final long MINUTE = 60_000L;
    static final long NONE = Long.MIN_VALUE;
    static final int MAX_EXAMPLES = 3;

    /** Start of the open minute, or {@link #NONE}. */
    public long minuteStart = NONE;

    /** Start of the last minute judged, or {@link #NONE}. */
    public long lastClosed = NONE;

    public long count;
    public long lines;
    public String[] examples = new String[0];
    public RateBaseline baseline = new RateBaseline();

    /** Consecutive minutes judged low (used by drop detection). */
    public int lowMinutes;

    public MinuteCount() {}

    public static long minuteOf(long timestampMillis) {
        return Math.floorDiv(timestampMillis, MINUTE) * MINUTE;
    }

    /** The event-time timer of the open minute: its last millisecond. */
    public long timer() {
        return minuteStart + MINUTE - 1;
    }

    public boolean isOpen() {
        return minuteStart != NONE;
    }

    /** Whether a record at {@code timestamp} belongs after the open minute. */
    public boolean isAfterOpenMinute(long timestamp) {
        return isOpen() && minuteOf(timestamp) > minuteStart;
    }

    /**
     * Opens the minute of {@code timestamp} (or the one after the last judged, if that is later)
     * and learns the minutes skipped since the last one judged as empty. Returns the timer to set.
     */
    public long open(long timestamp, double alpha) {
        long minute = minuteOf(timestamp);
        if (lastClosed != NONE) {
            minute = Math.max(minute, lastClosed + MINUTE);
            long skipped = (minute - lastClosed) / MINUTE - 1;
            if (skipped > 0) {
                baseline.observeEmpty(skipped, alpha);
            }
        }
        minuteStart = minute;
        count = 0;
        lines = 0;
        examples = new String[0];
        return timer();
    }

    public void addExample(String line) {
        if (examples.length < MAX_EXAMPLES && line != null) {
            examples = Arrays.copyOf(examples, examples.length + 1);
            examples[examples.length - 1] = line;
        }
    }

    /** Learns the open minute's count (capped at {@code cap}) and closes it. */
    public void close(double alpha, double cap) {
        baseline.observe(count, alpha, cap);
        lastClosed = minuteStart;
        minuteStart = NONE;
        count = 0;
        lines = 0;
        examples = new String[0];
    }
}
