package dev.guardian.security.sigma;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code condition} of a correlation rule: bounds on a count ({@code gt}, {@code gte}, {@code
 * lt}, {@code lte}, {@code eq}; several bounds form a range) and, for {@code value_count}, the
 * field whose distinct values are counted.
 */
public final class CorrelationCondition implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The comparison operators of the specification. */
    public enum Operator {
        GT,
        GTE,
        LT,
        LTE,
        EQ
    }

    private final String field;
    private final Map<Operator, Long> bounds;

    public CorrelationCondition(String field, Map<Operator, Long> bounds) {
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("a correlation condition needs at least one bound");
        }
        this.field = field;
        this.bounds = new LinkedHashMap<>(bounds);
    }

    /** The field of a {@code value_count} correlation, else null. */
    public String field() {
        return field;
    }

    public Map<Operator, Long> bounds() {
        return Map.copyOf(bounds);
    }

    public boolean test(long count) {
        for (Map.Entry<Operator, Long> bound : bounds.entrySet()) {
            long b = bound.getValue();
            boolean ok;
            switch (bound.getKey()) {
                case GT:
                    ok = count > b;
                    break;
                case GTE:
                    ok = count >= b;
                    break;
                case LT:
                    ok = count < b;
                    break;
                case LTE:
                    ok = count <= b;
                    break;
                default:
                    ok = count == b;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the condition only has lower bounds ({@code gt}, {@code gte}): once met within a
     * window it stays met, so it can fire as soon as it holds. Upper bounds and {@code eq} are
     * decided when the window closes.
     */
    public boolean decidedEarly() {
        for (Operator op : bounds.keySet()) {
            if (op != Operator.GT && op != Operator.GTE) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(field == null ? "count" : "distinct " + field);
        bounds.forEach(
                (op, v) -> out.append(' ').append(op.name().toLowerCase()).append(' ').append(v));
        return out.toString();
    }
}
