package dev.guardian.traffic.model;

import java.time.DayOfWeek;

/**
 * How busy a service is at a moment, as a factor in (0, 1]: a daily curve in the region's local
 * time (quiet around 04:00, busiest mid-afternoon) scaled by the day of the week (weekends are
 * quieter). Pure, so a detector's expected band can be checked against it.
 */
public final class Seasonality {

    /** Share of the peak load that remains at the quietest hour. */
    static final double NIGHT_FLOOR = 0.25;

    static final double QUIETEST_HOUR = 4.0;

    /** Hours after midnight over which one day's weekly factor blends into the next one's. */
    private static final double DAY_BLEND_HOURS = 3.0;

    private static final long DAY_MILLIS = 86_400_000L;

    private Seasonality() {}

    /**
     * @param utcOffsetMinutes the region's offset from UTC
     * @param phaseMinutes a per-instance shift of the daily curve, so instances are not identical
     */
    public static double load(long epochMillis, int utcOffsetMinutes, double phaseMinutes) {
        // Plain arithmetic rather than java.time: this runs for every generated point.
        long localMillis = epochMillis + (long) ((utcOffsetMinutes - phaseMinutes) * 60_000);
        long day = Math.floorDiv(localMillis, DAY_MILLIS);
        double hour = Math.floorMod(localMillis, DAY_MILLIS) / 3_600_000.0;
        // 1970-01-01, day 0, was a Thursday.
        DayOfWeek dayOfWeek = DayOfWeek.THURSDAY.plus(Math.floorMod(day, 7));
        double daily = NIGHT_FLOOR + (1 - NIGHT_FLOOR) * dailyShape(hour);
        return daily * weekly(dayOfWeek, hour);
    }

    /** 0 at {@link #QUIETEST_HOUR}, 1 twelve hours later, a smooth cosine in between. */
    static double dailyShape(double hourOfDay) {
        return 0.5 - 0.5 * Math.cos(2 * Math.PI * (hourOfDay - QUIETEST_HOUR) / 24.0);
    }

    static double weekly(DayOfWeek day, double hourOfDay) {
        double today = dayFactor(day);
        if (hourOfDay >= DAY_BLEND_HOURS) {
            return today;
        }
        // Blend from yesterday's factor so midnight shows no step.
        double yesterday = dayFactor(day.minus(1));
        double w = hourOfDay / DAY_BLEND_HOURS;
        return yesterday + (today - yesterday) * w;
    }

    static double dayFactor(DayOfWeek day) {
        switch (day) {
            case SATURDAY:
                return 0.7;
            case SUNDAY:
                return 0.6;
            case FRIDAY:
                return 0.95;
            default:
                return 1.0;
        }
    }
}
