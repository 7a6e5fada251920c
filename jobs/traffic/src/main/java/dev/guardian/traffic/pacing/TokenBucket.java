package dev.guardian.traffic.pacing;

/**
 * Paces a producer at an exact average rate with a bounded burst. Implemented as the equivalent
 * "virtual scheduling" form of a token bucket: each permit has a due time {@code 1/rate} after the
 * previous one, and a caller that fell behind may catch up by at most {@code burst} permits. Due
 * times are computed from the permit count, not accumulated, so rounding never drifts the rate.
 */
public final class TokenBucket {

    private final Ticker ticker;
    private final double permitsPerSecond;
    private final long burst;
    private long origin;
    private long issued;

    /**
     * @param burst permits a late caller may take at once to catch up
     */
    public TokenBucket(Ticker ticker, double permitsPerSecond, long burst) {
        if (!(permitsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException(
                    "rate must be positive and burst at least 1: "
                            + permitsPerSecond
                            + ", "
                            + burst);
        }
        this.ticker = ticker;
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.origin = ticker.nanoTime();
    }

    /** Blocks until the next permit is due. */
    public void acquire() throws InterruptedException {
        long due = dueNanos(issued);
        long now = ticker.nanoTime();
        long earliest = now - burstNanos();
        if (due < earliest) {
            // Idle or stalled for long: forget the backlog beyond one burst.
            origin += earliest - due;
            due = earliest;
        }
        if (due > now) {
            ticker.sleepNanos(due - now);
        }
        issued++;
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    private long dueNanos(long permit) {
        return origin + (long) (permit * 1e9 / permitsPerSecond);
    }

    private long burstNanos() {
        return (long) (burst * 1e9 / permitsPerSecond);
    }
}
