package dev.guardian.security.sigma;

import java.util.List;

/**
 * What a rule directory produced: the rules that load, the correlations, and one {@link
 * RuleProblem} for each rule document that does not (never silently skipped).
 */
public record SigmaRuleSet(
        List<SigmaRule> rules,
        List<SigmaCorrelationRule> correlations,
        List<RuleProblem> problems,
        int documents) {

    public SigmaRuleSet {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        problems = List.copyOf(problems);
    }

    /** Rules and correlations that load. */
    public int loaded() {
        return rules.size() + correlations.size();
    }

    /** {@code rules loaded <n>/<m>}. */
    public String summary() {
        return "rules loaded " + loaded() + "/" + documents;
    }
}
