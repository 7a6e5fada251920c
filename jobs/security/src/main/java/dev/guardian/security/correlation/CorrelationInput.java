package dev.guardian.security.correlation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule match on its way to the correlations that use it, keyed by the correlations' group: {@code
 * key} names the group-by fields and their values ({@code userIdentity.arn=arn:...}), so all
 * matches of one group, from every rule, meet in one keyed state. A Flink POJO.
 */
public class CorrelationInput {

    /** Group-by fields and values; the key of the keyed stream. */
    public String key;

    /** The sorted group-by field names: which correlations this input is for. */
    public String group;

    /** Id of the rule that matched. */
    public String ruleId;

    /** Name of the rule that matched, or null. */
    public String ruleName;

    /** Event time of the match, epoch milliseconds. */
    public long timestamp;

    /** The matched event's id, kept as evidence. */
    public String eventId;

    /** For value_count correlations: correlation id to the counted field's value. */
    public Map<String, String> values = new HashMap<>();

    public CorrelationInput() {}

    public CorrelationInput(
            String key,
            String group,
            String ruleId,
            String ruleName,
            long timestamp,
            String eventId,
            Map<String, String> values) {
        this.key = key;
        this.group = group;
        this.ruleId = ruleId;
        this.ruleName = ruleName;
        this.timestamp = timestamp;
        this.eventId = eventId;
        this.values = new HashMap<>(values);
    }

    public String getKey() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationInput other
                && other.timestamp == timestamp
                && Objects.equals(other.key, key)
                && Objects.equals(other.group, group)
                && Objects.equals(other.ruleId, ruleId)
                && Objects.equals(other.ruleName, ruleName)
                && Objects.equals(other.eventId, eventId)
                && Objects.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, ruleId, ruleName, timestamp, eventId, values);
    }

    @Override
    public String toString() {
        return ruleId + "@" + timestamp + " [" + key + "]";
    }
}
