package dev.guardian.billing.rollup;

/** The rollup buckets, in UTC. */
public enum RollupGranularity {
    HOUR(3_600_000L),
    DAY(86_400_000L);

    private final long millis;

    RollupGranularity(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    public long bucketStart(long timestampMillis) {
        return Math.floorDiv(timestampMillis, millis) * millis;
    }
}
