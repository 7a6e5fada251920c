package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A matcher of text. A scalar is matched by its text (numbers and booleans too: {@code 'false'}
 * matches JSON {@code false}); an object or array by its compact JSON or by any text inside it, so
 * {@code requestParameters|contains: Suspended} finds the value wherever it is nested, including
 * inside JSON documents that CloudTrail stores as strings (policies).
 */
abstract class TextMatcher implements ValueMatcher {

    abstract boolean matchesText(String text);

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (value.isContainerNode()) {
                if (matchesText(event.containerText(value)) || matchesInside(value)) {
                    return true;
                }
            } else if (!value.isNull() && !value.isMissingNode() && matchesText(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesInside(JsonNode container) {
        for (JsonNode child : container) {
            if (child.isContainerNode()) {
                if (matchesInside(child)) {
                    return true;
                }
            } else if (child.isTextual() && matchesText(child.textValue())) {
                return true;
            }
        }
        return false;
    }
}
