package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code fieldref} modifier: the field's value equals (or, combined with {@code contains},
 * {@code startswith} or {@code endswith}, contains, starts or ends with) the value of another field
 * of the same event. Case-insensitive unless {@code cased}. An absent referenced field never
 * matches.
 */
final class FieldRefMatcher implements ValueMatcher {

    enum Relation {
        EQUALS,
        CONTAINS,
        STARTS_WITH,
        ENDS_WITH
    }

    private final FieldPath other;
    private final Relation relation;
    private final boolean cased;

    FieldRefMatcher(FieldPath other, Relation relation, boolean cased) {
        this.other = other;
        this.relation = relation;
        this.cased = cased;
    }

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        List<JsonNode> references = event.values(other);
        for (JsonNode value : values) {
            if (!value.isValueNode() || value.isNull()) {
                continue;
            }
            for (JsonNode reference : references) {
                if (reference.isValueNode()
                        && !reference.isNull()
                        && relates(value.asText(), reference.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean relates(String text, String ref) {
        boolean ic = !cased;
        switch (relation) {
            case EQUALS:
                return text.length() == ref.length()
                        && text.regionMatches(ic, 0, ref, 0, ref.length());
            case STARTS_WITH:
                return text.regionMatches(ic, 0, ref, 0, ref.length());
            case ENDS_WITH:
                return text.regionMatches(ic, text.length() - ref.length(), ref, 0, ref.length());
            default:
                for (int i = 0; i <= text.length() - ref.length(); i++) {
                    if (text.regionMatches(ic, i, ref, 0, ref.length())) {
                        return true;
                    }
                }
                return false;
        }
    }

    @Override
    public String toString() {
        return "fieldref " + relation.name().toLowerCase() + " " + other;
    }
}
