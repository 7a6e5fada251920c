package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The single-event rules, compiled once and indexed: {@link #match} tests an event only against the
 * rules whose required {@code eventName}/{@code eventSource} (or other equality) it has. Immutable;
 * safe to share between threads.
 */
public final class SigmaEngine {

    private final List<SigmaRule> rules;
    private final RuleIndex index;

    private SigmaEngine(List<SigmaRule> rules) {
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(this.rules);
    }

    public static SigmaEngine of(Collection<SigmaRule> rules) {
        return new SigmaEngine(new ArrayList<>(rules));
    }

    /** The rules {@code event} matches, in rule order. */
    public List<SigmaRule> match(SigmaEvent event) {
        BitSet candidates = index.candidates(event);
        List<SigmaRule> matched = new ArrayList<>(2);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            SigmaRule rule = rules.get(i);
            if (rule.matches(event)) {
                matched.add(rule);
            }
        }
        return matched;
    }

    /** The rules the JSON event (a CloudTrail record) matches. */
    public List<SigmaRule> match(JsonNode event) {
        return match(SigmaEvent.of(event));
    }

    public List<SigmaRule> rules() {
        return rules;
    }

    /** Rules per index field, and how many are tried on every event. */
    public Map<String, Integer> indexSummary() {
        return index.describe();
    }
}
