package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One compiled rule value tested against the values a field has in an event. */
interface ValueMatcher {

    /**
     * @param values the field's values in {@code event}, empty when the field is absent
     */
    boolean matches(SigmaEvent event, List<JsonNode> values);

    /** The lower-cased text an equality matcher requires, or null if it is not an equality. */
    default String equalityKey() {
        return null;
    }
}
