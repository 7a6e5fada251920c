package dev.guardian.connectors.testing;

import java.time.Instant;

/** A small test record: one value of one series at one time; {@code id} is its natural key. */
public record Reading(long id, String series, Instant time, double value) {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    /** The n-th reading of a fixed, repeatable sequence: 7 series, one second apart. */
    public static Reading nth(long n) {
        return new Reading(n, "series-" + (n % 7), START.plusMillis(1000 * n + 123), n * 0.5);
    }
}
