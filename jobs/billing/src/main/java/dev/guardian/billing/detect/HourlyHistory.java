package dev.guardian.billing.detect;

import java.util.Arrays;

/**
 * The closed hours of one key, oldest first, at most {@code capacity}: hours without a line are 0.
 * A Flink POJO (primitive array), small enough for RocksDB: six weeks is 8 KB.
 */
public class HourlyHistory {

    public static final long HOUR = 3_600_000L;

    /** Start of {@code values[0]}. */
    public long firstHour;

    public double[] values = new double[0];

    public HourlyHistory() {}

    public int length() {
        return values.length;
    }

    /** Start of the next hour to close; {@code Long.MIN_VALUE} when empty. */
    public long nextHour() {
        return values.length == 0 ? Long.MIN_VALUE : firstHour + values.length * HOUR;
    }

    public boolean isClosed(long hourStart) {
        return values.length > 0 && hourStart < nextHour();
    }

    /** Appends the hour (filling skipped hours with 0) and drops the oldest beyond capacity. */
    public void close(long hourStart, double amount, int capacity) {
        if (values.length == 0) {
            firstHour = hourStart;
            values = new double[] {amount};
            return;
        }
        long next = nextHour();
        if (hourStart < next) {
            throw new IllegalArgumentException("hour " + hourStart + " is already closed");
        }
        int gap = (int) Math.min((hourStart - next) / HOUR, capacity);
        int length = values.length + gap + 1;
        double[] grown = Arrays.copyOf(values, length);
        grown[length - 1] = amount;
        long start = hourStart - (length - 1) * HOUR;
        if (length > capacity) {
            grown = Arrays.copyOfRange(grown, length - capacity, length);
            start = hourStart - (capacity - 1) * HOUR;
        }
        values = grown;
        firstHour = start;
    }

    /** Adds a late correction to a closed hour still in the window; false if it left it. */
    public boolean correct(long hourStart, double delta) {
        if (values.length == 0 || hourStart < firstHour || hourStart >= nextHour()) {
            return false;
        }
        values[(int) ((hourStart - firstHour) / HOUR)] += delta;
        return true;
    }

    /** Sum of the closed hours in [from, to). */
    public double sum(long from, long to) {
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            long hour = firstHour + i * HOUR;
            if (hour >= from && hour < to) {
                total += values[i];
            }
        }
        return total;
    }
}
