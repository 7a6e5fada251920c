package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Variants of one rule value, one of which must match (e.g. the three base64 offsets). */
final class AlternativeValues implements ValueMatcher {

    private final List<ValueMatcher> variants;

    AlternativeValues(List<ValueMatcher> variants) {
        this.variants = List.copyOf(variants);
    }

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        for (ValueMatcher variant : variants) {
            if (variant.matches(event, values)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "one of " + variants;
    }
}
