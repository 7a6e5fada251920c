package dev.guardian.security.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A correlation rule that fired for one group. A Flink POJO. */
public class CorrelationResult {

    public String correlationId;
    public String title;
    public String level;
    public List<String> tags = new ArrayList<>();

    /** {@code event_count}, {@code value_count}, {@code temporal} or {@code temporal_ordered}. */
    public String type;

    /** Group-by fields and values. */
    public String key;

    /** The events, distinct values or distinct rules counted. */
    public long count;

    public long firstTimestamp;
    public long lastTimestamp;

    /** Ids of (up to a bounded number of) the events that made it fire. */
    public List<String> eventIds = new ArrayList<>();

    public CorrelationResult() {}

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationResult r
                && r.count == count
                && r.firstTimestamp == firstTimestamp
                && r.lastTimestamp == lastTimestamp
                && Objects.equals(r.correlationId, correlationId)
                && Objects.equals(r.key, key)
                && Objects.equals(r.eventIds, eventIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(correlationId, key, count, firstTimestamp, lastTimestamp);
    }

    @Override
    public String toString() {
        return correlationId
                + " "
                + type
                + " ["
                + key
                + "] count "
                + count
                + " "
                + firstTimestamp
                + ".."
                + lastTimestamp;
    }
}
