package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** The {@code gt}, {@code gte}, {@code lt} and {@code lte} modifiers on numeric values. */
final class NumberMatcher implements ValueMatcher {

    enum Comparison {
        GT,
        GTE,
        LT,
        LTE
    }

    private final Comparison comparison;
    private final BigDecimal bound;

    NumberMatcher(Comparison comparison, BigDecimal bound) {
        this.comparison = comparison;
        this.bound = bound;
    }

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        for (JsonNode value : values) {
            BigDecimal number = number(value);
            if (number != null && holds(number.compareTo(bound))) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(int cmp) {
        switch (comparison) {
            case GT:
                return cmp > 0;
            case GTE:
                return cmp >= 0;
            case LT:
                return cmp < 0;
            default:
                return cmp <= 0;
        }
    }

    /** A JSON number, or a string holding one; null otherwise. */
    static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue().trim();
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        char c = text.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return comparison.name().toLowerCase() + " " + bound.toPlainString();
    }
}
