package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code field|modifiers: values} item of a selection: any value matches (the default), or
 * every value with the {@code all} modifier. Each value may itself be a group of alternatives (the
 * variants {@code base64offset} or {@code windash} produce), of which one must match.
 */
final class FieldCondition implements DetectionNode {

    private final FieldPath field;
    private final List<ValueMatcher> values;
    private final boolean all;

    FieldCondition(FieldPath field, List<ValueMatcher> values, boolean all) {
        this.field = field;
        this.values = List.copyOf(values);
        this.all = all;
    }

    @Override
    public boolean test(SigmaEvent event) {
        List<JsonNode> found = event.values(field);
        if (all) {
            for (ValueMatcher value : values) {
                if (!value.matches(event, found)) {
                    return false;
                }
            }
            return true;
        }
        for (ValueMatcher value : values) {
            if (value.matches(event, found)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, Set<String>> requiredValues() {
        Set<String> keys = new HashSet<>();
        for (ValueMatcher value : values) {
            String key = value.equalityKey();
            if (key == null) {
                return Map.of();
            }
            keys.add(key);
        }
        return keys.isEmpty() ? Map.of() : Map.of(field.name(), keys);
    }

    @Override
    public String toString() {
        return field + (all ? " all of " : " ") + values;
    }
}
