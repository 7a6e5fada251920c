package dev.guardian.alerts.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One routing rule: alerts it matches go to its receiver, grouped by the {@code group_by} labels.
 * Rules are tried in order; the first match wins unless it says {@code continue: true}.
 */
public final class RouteRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String name;
    public final AlertMatcher match;
    public final String receiver;

    /** Labels whose values form the group; null for no grouping (one group per fingerprint). */
    public final List<String> groupBy;

    /** Wait before a new group's first notification, so that its first members arrive together. */
    public final Duration groupWait;

    /** Least time between two notifications of one group; changes in between are batched. */
    public final Duration groupInterval;

    public final boolean continueMatching;

    public RouteRule(
            String name,
            AlertMatcher match,
            String receiver,
            List<String> groupBy,
            Duration groupWait,
            Duration groupInterval,
            boolean continueMatching) {
        this.name = name;
        this.match = match;
        this.receiver = receiver;
        this.groupBy = groupBy == null ? null : List.copyOf(groupBy);
        this.groupWait = groupWait;
        this.groupInterval = groupInterval;
        this.continueMatching = continueMatching;
    }

    @Override
    public String toString() {
        return name + " " + match + " -> " + receiver + (continueMatching ? " (continue)" : "");
    }
}
