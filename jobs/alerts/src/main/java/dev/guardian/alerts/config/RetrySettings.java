package dev.guardian.alerts.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * How one receiver's deliveries are retried: up to {@code maxAttempts} attempts, waiting {@code
 * initialBackoff × multiplier^(n-1)} (capped at {@code maxBackoff}) before attempt n+1, minus a
 * random share of up to {@code jitter} of it so that many routers do not retry in step. A
 * Retry-After answer replaces the wait when it is longer, up to {@code maxRetryAfter}.
 */
public final class RetrySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RetrySettings DEFAULT =
            new RetrySettings(
                    6,
                    Duration.ofMillis(500),
                    Duration.ofSeconds(30),
                    2.0,
                    0.5,
                    Duration.ofMinutes(2));

    public final int maxAttempts;
    public final Duration initialBackoff;
    public final Duration maxBackoff;
    public final double multiplier;
    public final double jitter;
    public final Duration maxRetryAfter;

    public RetrySettings(
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            double multiplier,
            double jitter,
            Duration maxRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be at least 1");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max_backoff must not be below initial_backoff");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based), given a uniform random number in [0,
     * 1) and the receiver's Retry-After in milliseconds (0 if none).
     */
    public long backoffMillis(int attempt, double random, long retryAfterMillis) {
        double base =
                Math.min(
                        maxBackoff.toMillis(),
                        initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1));
        long jittered = (long) (base * (1.0 - jitter * random));
        long asked = Math.min(retryAfterMillis, maxRetryAfter.toMillis());
        return Math.max(jittered, asked);
    }

    /** Longest time all attempts can take, each attempt taking at most {@code timeout}. */
    public long worstCaseMillis(Duration timeout) {
        long total = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            total += timeout.toMillis();
            if (attempt < maxAttempts) {
                total += Math.max(backoffMillis(attempt, 0, 0), maxRetryAfter.toMillis());
            }
        }
        return total;
    }
}
