package dev.guardian.alerts.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * One named receiver. Its URL and credentials are {@link SecretRef}s: names of environment
 * variables or files, resolved on the TaskManager.
 */
public final class ReceiverConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    public final String name;
    public final ReceiverType type;
    public final SecretRef url;

    /** PagerDuty integration (routing) key; null for other receivers. */
    public final SecretRef routingKey;

    /** Value of the Authorization header of a generic webhook; null for none. */
    public final SecretRef authHeader;

    /** Null for no limit. */
    public final RateLimit rateLimit;

    public final RetrySettings retry;
    public final Duration timeout;

    public ReceiverConfig(
            String name,
            ReceiverType type,
            SecretRef url,
            SecretRef routingKey,
            SecretRef authHeader,
            RateLimit rateLimit,
            RetrySettings retry,
            Duration timeout) {
        this.name = name;
        this.type = type;
        this.url = url;
        this.routingKey = routingKey;
        this.authHeader = authHeader;
        this.rateLimit = rateLimit;
        this.retry = retry;
        this.timeout = timeout;
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ", url " + url + ")";
    }
}
