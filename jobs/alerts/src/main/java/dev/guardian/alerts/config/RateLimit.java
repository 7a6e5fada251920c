package dev.guardian.alerts.config;

import java.io.Serializable;
import java.time.Duration;

/** At most {@code max} notifications per {@code per} to one receiver; the rest are summarised. */
public final class RateLimit implements Serializable {

    private static final long serialVersionUID = 1L;

    public final int max;
    public final Duration per;

    public RateLimit(int max, Duration per) {
        if (max < 1 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("rate_limit needs max >= 1 and a positive per");
        }
        this.max = max;
        this.per = per;
    }

    @Override
    public String toString() {
        return max + " per " + per;
    }
}
