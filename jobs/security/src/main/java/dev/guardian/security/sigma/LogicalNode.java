package dev.guardian.security.sigma;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code and}, {@code or}, {@code not} and {@code N of}: the condition of a rule and the structure
 * of its selections (a map is an AND of its items, a list an OR of its elements).
 */
final class LogicalNode implements DetectionNode {

    enum Kind {
        AND,
        OR,
        NOT,
        AT_LEAST
    }

    private final Kind kind;
    private final List<DetectionNode> children;
    private final int atLeast;

    private LogicalNode(Kind kind, List<DetectionNode> children, int atLeast) {
        this.kind = kind;
        this.children = List.copyOf(children);
        this.atLeast = atLeast;
    }

    static DetectionNode and(List<DetectionNode> children) {
        return children.size() == 1 ? children.get(0) : new LogicalNode(Kind.AND, children, 0);
    }

    static DetectionNode or(List<DetectionNode> children) {
        return children.size() == 1 ? children.get(0) : new LogicalNode(Kind.OR, children, 0);
    }

    static DetectionNode not(DetectionNode child) {
        return new LogicalNode(Kind.NOT, List.of(child), 0);
    }

    /** {@code N of ...}: at least {@code n} children match. */
    static DetectionNode atLeast(int n, List<DetectionNode> children) {
        if (n <= 1) {
            return or(children);
        }
        if (n >= children.size()) {
            return and(children);
        }
        return new LogicalNode(Kind.AT_LEAST, children, n);
    }

    @Override
    public boolean test(SigmaEvent event) {
        switch (kind) {
            case AND:
                for (DetectionNode child : children) {
                    if (!child.test(event)) {
                        return false;
                    }
                }
                return true;
            case OR:
                for (DetectionNode child : children) {
                    if (child.test(event)) {
                        return true;
                    }
                }
                return false;
            case NOT:
                return !children.get(0).test(event);
            default:
                int matched = 0;
                for (DetectionNode child : children) {
                    if (child.test(event) && ++matched >= atLeast) {
                        return true;
                    }
                }
                return false;
        }
    }

    @Override
    public Map<String, Set<String>> requiredValues() {
        switch (kind) {
            case AND:
                Map<String, Set<String>> all = new HashMap<>();
                for (DetectionNode child : children) {
                    child.requiredValues()
                            .forEach(
                                    (field, values) ->
                                            all.merge(
                                                    field,
                                                    values,
                                                    (a, b) -> a.size() <= b.size() ? a : b));
                }
                return all;
            case NOT:
                return Map.of();
            default:
                // OR and "N of": a field is certain only if every branch constrains it
                Map<String, Set<String>> common = null;
                for (DetectionNode child : children) {
                    Map<String, Set<String>> required = child.requiredValues();
                    if (common == null) {
                        common = new HashMap<>();
                        for (Map.Entry<String, Set<String>> e : required.entrySet()) {
                            common.put(e.getKey(), new HashSet<>(e.getValue()));
                        }
                    } else {
                        common.keySet().retainAll(required.keySet());
                        for (Map.Entry<String, Set<String>> e : common.entrySet()) {
                            e.getValue().addAll(required.get(e.getKey()));
                        }
                    }
                }
                return common == null ? Map.of() : common;
        }
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.AT_LEAST ? " " + atLeast : "") + children;
    }
}
