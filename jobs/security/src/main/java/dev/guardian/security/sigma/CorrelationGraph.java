package dev.guardian.security.sigma;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that correlation rules refer to rules that exist and do not refer to themselves. */
final class CorrelationGraph {

    private CorrelationGraph() {}

    /** Why {@code correlation} cannot run, or null when every reference resolves. */
    static String unresolved(
            SigmaCorrelationRule correlation,
            List<SigmaRule> rules,
            List<SigmaCorrelationRule> correlations) {
        return unresolved(correlation, rules, correlations, new HashSet<>());
    }

    private static String unresolved(
            SigmaCorrelationRule correlation,
            List<SigmaRule> rules,
            List<SigmaCorrelationRule> correlations,
            Set<String> path) {
        if (!path.add(correlation.id())) {
            return "correlation " + correlation.id() + " refers to itself through " + path;
        }
        for (String ref : correlation.rules()) {
            boolean isRule =
                    rules.stream().anyMatch(r -> ref.equals(r.id()) || ref.equals(r.name()));
            if (isRule) {
                continue;
            }
            SigmaCorrelationRule inner =
                    correlations.stream()
                            .filter(c -> ref.equals(c.id()) || ref.equals(c.name()))
                            .findFirst()
                            .orElse(null);
            if (inner == null) {
                return "correlation refers to rule '" + ref + "', which is not loaded";
            }
            if (!new HashSet<>(inner.groupBy()).equals(new HashSet<>(correlation.groupBy()))) {
                return "chained correlation '"
                        + ref
                        + "' groups by "
                        + inner.groupBy()
                        + " but this one by "
                        + correlation.groupBy()
                        + "; chains must group by the same fields";
            }
            String deeper = unresolved(inner, rules, correlations, path);
            if (deeper != null) {
                return deeper;
            }
        }
        path.remove(correlation.id());
        return null;
    }
}
