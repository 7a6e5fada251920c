package dev.guardian.connectors.retry;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a sink retries a failed request: at most {@code maxRetries} retries
 * after the first attempt, waiting {@code initialBackoff × multiplier^(n-1)} before retry n, capped
 * at {@code maxBackoff}. Bounded on purpose: a sink that retries forever hides an outage behind
 * backpressure, one that gives up lets Flink restart from the last checkpoint, which the idempotent
 * sinks make safe.
 */
public final class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** 5 retries from 200 ms doubling to at most 5 s: about 8 s of patience in total. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;

    public RetryPolicy(
            int maxRetries, Duration initialBackoff, Duration maxBackoff, double multiplier) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialBackoff <= maxBackoff, was "
                            + initialBackoff
                            + " and "
                            + maxBackoff);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.multiplier = multiplier;
    }

    public static RetryPolicy of(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, 2.0);
    }

    /** A policy that gives up at the first failure. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1.0);
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    /**
     * The wait before retry number {@code retry} (1-based).
     *
     * @throws IllegalArgumentException if {@code retry} is not in 1..maxRetries
     */
    public Duration backoffBeforeRetry(int retry) {
        if (retry < 1 || retry > maxRetries) {
            throw new IllegalArgumentException(
                    "retry must be in 1.." + maxRetries + ", was " + retry);
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy that = (RetryPolicy) o;
        return maxRetries == that.maxRetries
                && Double.compare(multiplier, that.multiplier) == 0
                && initialBackoff.equals(that.initialBackoff)
                && maxBackoff.equals(that.maxBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, initialBackoff, maxBackoff, multiplier);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries="
                + maxRetries
                + ", initialBackoff="
                + initialBackoff
                + ", maxBackoff="
                + maxBackoff
                + ", multiplier="
                + multiplier
                + '}';
    }
}
