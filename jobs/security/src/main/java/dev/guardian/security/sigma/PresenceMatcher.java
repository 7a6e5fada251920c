package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Presence tests: {@code field: null} (absent or JSON null) and {@code field|exists: true/false}. A
 * field whose only value is JSON null does not exist.
 */
final class PresenceMatcher implements ValueMatcher {

    private final boolean present;

    private PresenceMatcher(boolean present) {
        this.present = present;
    }

    /** {@code field: null}. */
    static PresenceMatcher isNull() {
        return new PresenceMatcher(false);
    }

    /** {@code field|exists: <exists>}. */
    static PresenceMatcher exists(boolean exists) {
        return new PresenceMatcher(exists);
    }

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        boolean found = false;
        for (JsonNode value : values) {
            if (!value.isNull() && !value.isMissingNode()) {
                found = true;
                break;
            }
        }
        return found == present;
    }

    @Override
    public String toString() {
        return present ? "exists" : "null";
    }
}
