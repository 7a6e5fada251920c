package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The {@code neq} modifier: the field does not hold the value (an absent field qualifies). */
final class NegatedMatcher implements ValueMatcher {

    private final ValueMatcher inner;

    NegatedMatcher(ValueMatcher inner) {
        this.inner = inner;
    }

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        return !inner.matches(event, values);
    }

    @Override
    public String toString() {
        return "not " + inner;
    }
}
