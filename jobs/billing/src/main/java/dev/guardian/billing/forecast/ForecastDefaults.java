package dev.guardian.billing.forecast;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** What the job and the evaluation share: how much history a key keeps and how far ahead. */
public final class ForecastDefaults {

    private ForecastDefaults() {}

    /** Six weeks: four weeks of seasonal profile plus two of back-tests. */
    public static final int HISTORY_DAYS = 42;

    /** The next 24 hours. */
    public static final long HORIZON_MILLIS = 86_400_000L;

    /** Steps from {@code originMillis} to the end of its calendar month (UTC). */
    public static int stepsToMonthEnd(long originMillis, long stepMillis) {
        long end = monthEnd(originMillis);
        return (int) Math.max(0, (end - originMillis + stepMillis - 1) / stepMillis);
    }

    /** Start of the month after the one holding {@code millis}, UTC. */
    public static long monthEnd(long millis) {
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Start of the month holding {@code millis}, UTC. */
    public static long monthStart(long millis) {
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
