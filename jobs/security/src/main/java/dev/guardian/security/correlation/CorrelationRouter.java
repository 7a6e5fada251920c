package dev.guardian.security.correlation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.sigma.FieldPath;
import dev.guardian.security.sigma.SigmaCorrelationRule;
import dev.guardian.security.sigma.SigmaEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a single-event rule match into the {@link CorrelationInput}s of the correlations that refer
 * to that rule: one per distinct group-by, carrying the group's values from the event (through the
 * correlation's field aliases) and the value a {@code value_count} counts. A match whose event
 * lacks a group-by field joins no group, as in SQL {@code GROUP BY} backends.
 */
public final class CorrelationRouter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<SigmaCorrelationRule> correlations;

    public CorrelationRouter(List<SigmaCorrelationRule> correlations) {
        this.correlations = List.copyOf(correlations);
    }

    /** The sorted group-by names, which also identify the keyed state a chain shares. */
    public static String group(SigmaCorrelationRule c) {
        return String.join(",", new TreeSet<>(c.groupBy()));
    }

    public List<CorrelationInput> route(
            String ruleId, String ruleName, SigmaEvent event, long timestamp, String eventId) {
        Map<String, CorrelationInput> byKey = new HashMap<>();
        for (SigmaCorrelationRule c : correlations) {
            String ref = reference(c, ruleId, ruleName);
            if (ref == null) {
                continue;
            }
            ObjectNode values = CloudTrailRecords.json().createObjectNode();
            boolean complete = true;
            for (String field : new TreeSet<>(c.groupBy())) {
                String value = event.text(FieldPath.of(c.fieldFor(field, ref)));
                if (value == null) {
                    complete = false;
                    break;
                }
                values.put(field, value);
            }
            if (!complete) {
                continue;
            }
            String key = values.toString();
            CorrelationInput input =
                    byKey.computeIfAbsent(
                            key,
                            k ->
                                    new CorrelationInput(
                                            k, group(c), ruleId, ruleName, timestamp, eventId,
                                            Map.of()));
            if (c.type() == SigmaCorrelationRule.Type.VALUE_COUNT) {
                String counted = event.text(FieldPath.of(c.fieldFor(c.condition().field(), ref)));
                if (counted != null) {
                    input.values.put(c.id(), counted);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String reference(SigmaCorrelationRule c, String ruleId, String ruleName) {
        for (String ref : c.rules()) {
            if (ref.equals(ruleId) || ref.equals(ruleName)) {
                return ref;
            }
        }
        return null;
    }
}
