package dev.guardian.security.correlation;

import dev.guardian.security.sigma.SigmaCorrelationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The correlation semantics of {@link SigmaCorrelator} without Flink, for offline evaluation
 * ({@code guardian eval sigma}): inputs in file order, event time advanced by the inputs
 * themselves, every window closed by {@link #finish}.
 */
public final class InMemoryCorrelator {

    private final List<CorrelationLogic> logic = new ArrayList<>();
    private final Map<String, Map<String, CorrelationState>> states = new HashMap<>();
    private long time = Long.MIN_VALUE;

    public InMemoryCorrelator(List<SigmaCorrelationRule> rules) {
        for (SigmaCorrelationRule rule : rules) {
            logic.add(new CorrelationLogic(rule));
        }
    }

    /** Feeds one input and returns what fires, chained correlations included. */
    public List<CorrelationResult> accept(CorrelationInput input) {
        List<CorrelationResult> fired = new ArrayList<>();
        if (input.timestamp > time) {
            fired.addAll(advance(input.timestamp));
        }
        Map<String, CorrelationState> byRule =
                states.computeIfAbsent(input.key, k -> new HashMap<>());
        for (CorrelationLogic l : logic) {
            String ref = l.referenceFor(input.ruleId, input.ruleName);
            if (ref != null && CorrelationRouter.group(l.rule()).equals(input.group)) {
                match(
                        l,
                        ref,
                        input.timestamp,
                        input.eventId,
                        input.values.get(l.rule().id()),
                        input.key,
                        byRule,
                        fired);
            }
        }
        return fired;
    }

    /** Closes every open window, as the end of a bounded input does. */
    public List<CorrelationResult> finish() {
        return advance(Long.MAX_VALUE);
    }

    private List<CorrelationResult> advance(long to) {
        time = to;
        List<CorrelationResult> fired = new ArrayList<>();
        for (Map.Entry<String, Map<String, CorrelationState>> group : states.entrySet()) {
            for (CorrelationLogic l : logic) {
                CorrelationState s = group.getValue().get(l.rule().id());
                if (s != null && l.nextTimer(s) <= to) {
                    CorrelationResult r = l.onTime(s, group.getKey(), to);
                    if (r != null) {
                        fired.add(r);
                        chain(r, group.getKey(), group.getValue(), fired);
                    }
                }
            }
        }
        return fired;
    }

    private void match(
            CorrelationLogic l,
            String ref,
            long ts,
            String eventId,
            String value,
            String key,
            Map<String, CorrelationState> byRule,
            List<CorrelationResult> fired) {
        CorrelationState s = byRule.computeIfAbsent(l.rule().id(), id -> new CorrelationState());
        CorrelationResult r = l.onMatch(s, key, ref, ts, eventId, value);
        if (r != null) {
            fired.add(r);
            chain(r, key, byRule, fired);
        }
    }

    private void chain(
            CorrelationResult r,
            String key,
            Map<String, CorrelationState> byRule,
            List<CorrelationResult> fired) {
        SigmaCorrelationRule source =
                logic.stream()
                        .map(CorrelationLogic::rule)
                        .filter(c -> c.id().equals(r.correlationId))
                        .findFirst()
                        .orElseThrow();
        for (CorrelationLogic next : logic) {
            String ref = next.referenceFor(source.id(), source.name());
            if (ref != null) {
                match(next, ref, r.lastTimestamp, null, null, key, byRule, fired);
            }
        }
    }
}
