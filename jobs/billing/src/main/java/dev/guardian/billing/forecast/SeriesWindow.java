package dev.guardian.billing.forecast;

/**
 * What a forecaster sees at one origin: the equally spaced history up to the origin (oldest first,
 * the last value is the step just before {@code originMillis}), the calendar position of the
 * origin, how many steps to forecast, and how many steps remain until the end of the calendar month
 * (for the month-end total).
 */
public final class SeriesWindow {

    private final double[] history;
    private final long originMillis;
    private final long stepMillis;
    private final int horizon;
    private final int stepsToMonthEnd;

    public SeriesWindow(
            double[] history,
            long originMillis,
            long stepMillis,
            int horizon,
            int stepsToMonthEnd) {
        if (stepMillis <= 0 || 86_400_000L % stepMillis != 0) {
            throw new IllegalArgumentException(
                    "the step must divide a day evenly, got " + stepMillis + " ms");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        this.history = history;
        this.originMillis = originMillis;
        this.stepMillis = stepMillis;
        this.horizon = horizon;
        this.stepsToMonthEnd = Math.max(0, stepsToMonthEnd);
    }

    /** Oldest first; finite values. Do not modify. */
    public double[] history() {
        return history;
    }

    public int length() {
        return history.length;
    }

    public long originMillis() {
        return originMillis;
    }

    public long stepMillis() {
        return stepMillis;
    }

    public int stepsPerDay() {
        return (int) (86_400_000L / stepMillis);
    }

    public int horizon() {
        return horizon;
    }

    /** Steps from the origin to the end of the origin's calendar month (UTC); 0 if none. */
    public int stepsToMonthEnd() {
        return stepsToMonthEnd;
    }
}
