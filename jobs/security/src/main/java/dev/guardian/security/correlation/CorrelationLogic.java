package dev.guardian.security.correlation;

import dev.guardian.security.sigma.CorrelationCondition;
import dev.guardian.security.sigma.SigmaCorrelationRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The semantics of one correlation rule over one group's {@link CorrelationState}, free of Flink so
 * that it can be tested directly.
 *
 * <ul>
 *   <li>Conditions with only lower bounds ({@code gt}, {@code gte}), and temporal rules, use a
 *       sliding window of {@code timespan} ending at the newest match and fire as soon as they
 *       hold; the state is then cleared so one burst reports once.
 *   <li>Conditions with an upper bound or {@code eq} ("fewer than 3 in 1h") can only be decided
 *       when a window is over: a fixed window opens at the group's first match and is judged when
 *       event time passes its end.
 * </ul>
 */
public final class CorrelationLogic implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Event ids kept as evidence per group. */
    static final int MAX_EVIDENCE = 20;

    private final SigmaCorrelationRule rule;
    private final long span;
    private final boolean fixedWindow;

    public CorrelationLogic(SigmaCorrelationRule rule) {
        this.rule = rule;
        this.span = rule.timespan().toMillis();
        this.fixedWindow = rule.condition() != null && !rule.condition().decidedEarly();
    }

    public SigmaCorrelationRule rule() {
        return rule;
    }

    /** The reference in {@code rules:} that a match of this rule id/name answers, or null. */
    public String referenceFor(String ruleId, String ruleName) {
        for (String ref : rule.rules()) {
            if (ref.equals(ruleId) || ref.equals(ruleName)) {
                return ref;
            }
        }
        return null;
    }

    /**
     * Records a match of {@code ref} and returns the result when the correlation fires.
     *
     * @param value the counted field's value, for {@code value_count}
     */
    public CorrelationResult onMatch(
            CorrelationState s, String key, String ref, long ts, String eventId, String value) {
        CorrelationResult closed = null;
        if (fixedWindow) {
            if (s.windowStart != 0 && ts >= s.windowStart + span) {
                closed = onTime(s, key, s.windowStart + span);
            }
            if (s.windowStart == 0) {
                s.windowStart = ts;
            }
            if (ts < s.windowStart) {
                return closed; // older than the open window: it belonged to one already judged
            }
        }
        switch (rule.type()) {
            case EVENT_COUNT:
                insertSorted(s.times, ts);
                break;
            case VALUE_COUNT:
                if (value == null) {
                    return closed;
                }
                s.valuesSeen.merge(value, ts, Math::max);
                break;
            default:
                insertSorted(s.ruleTimes.computeIfAbsent(ref, r -> new ArrayList<>()), ts);
        }
        if (eventId != null) {
            s.eventIds.add(eventId);
            if (s.eventIds.size() > MAX_EVIDENCE) {
                s.eventIds.remove(0);
            }
        }
        if (fixedWindow) {
            return closed;
        }
        long newest = Math.max(ts, newest(s));
        evict(s, newest - span);
        long count = count(s, newest);
        if (count >= 0 && holds(count)) {
            CorrelationResult result = result(s, key, count, newest);
            s.clear();
            return result;
        }
        return null;
    }

    /**
     * Event time has reached {@code time}: judges a fixed window that ended, drops matches that
     * left the sliding window. Returns the result of a fixed window that fires.
     */
    public CorrelationResult onTime(CorrelationState s, String key, long time) {
        if (fixedWindow) {
            if (s.windowStart == 0 || time < s.windowStart + span) {
                return null;
            }
            long end = s.windowStart + span;
            long count = count(s, end - 1);
            CorrelationResult result =
                    holds(count) ? result(s, key, count, Math.max(s.windowStart, newest(s))) : null;
            s.clear();
            return result;
        }
        evict(s, time - span);
        return null;
    }

    /** When this state next needs {@link #onTime}: a window end, or when it all expires. */
    public long nextTimer(CorrelationState s) {
        if (s.isEmpty()) {
            return Long.MAX_VALUE;
        }
        if (fixedWindow) {
            return s.windowStart + span;
        }
        return newest(s) + span;
    }

    private boolean holds(long count) {
        CorrelationCondition condition = rule.condition();
        if (condition == null) {
            return count == rule.rules().size();
        }
        return condition.test(count);
    }

    /** The count the condition is about; -1 when an ordered sequence is incomplete. */
    private long count(CorrelationState s, long newest) {
        switch (rule.type()) {
            case EVENT_COUNT:
                return s.times.size();
            case VALUE_COUNT:
                return s.valuesSeen.size();
            case TEMPORAL:
                return s.ruleTimes.values().stream().filter(t -> !t.isEmpty()).count();
            default:
                return orderedCount(s, newest);
        }
    }

    /** How many of the rules appear in order inside the window (all of them, or -1). */
    private long orderedCount(CorrelationState s, long newest) {
        long previous = Long.MIN_VALUE;
        for (String ref : rule.rules()) {
            List<Long> times = s.ruleTimes.get(ref);
            Long chosen = null;
            if (times != null) {
                for (long t : times) {
                    if (t >= previous && t > newest - span) {
                        chosen = t;
                        break;
                    }
                }
            }
            if (chosen == null) {
                return -1;
            }
            previous = chosen;
        }
        return rule.rules().size();
    }

    private static long newest(CorrelationState s) {
        long newest = Long.MIN_VALUE;
        if (!s.times.isEmpty()) {
            newest = s.times.get(s.times.size() - 1);
        }
        for (long t : s.valuesSeen.values()) {
            newest = Math.max(newest, t);
        }
        for (List<Long> times : s.ruleTimes.values()) {
            if (!times.isEmpty()) {
                newest = Math.max(newest, times.get(times.size() - 1));
            }
        }
        return newest;
    }

    /** Drops everything at or before {@code horizon}. */
    private static void evict(CorrelationState s, long horizon) {
        s.times.removeIf(t -> t <= horizon);
        s.valuesSeen.values().removeIf(t -> t <= horizon);
        Iterator<Map.Entry<String, List<Long>>> it = s.ruleTimes.entrySet().iterator();
        while (it.hasNext()) {
            List<Long> times = it.next().getValue();
            times.removeIf(t -> t <= horizon);
            if (times.isEmpty()) {
                it.remove();
            }
        }
        if (s.times.isEmpty() && s.valuesSeen.isEmpty() && s.ruleTimes.isEmpty()) {
            s.eventIds.clear();
        }
    }

    private static void insertSorted(List<Long> times, long ts) {
        int i = times.size();
        while (i > 0 && times.get(i - 1) > ts) {
            i--;
        }
        times.add(i, ts);
    }

    private CorrelationResult result(CorrelationState s, String key, long count, long last) {
        CorrelationResult r = new CorrelationResult();
        r.correlationId = rule.id();
        r.title = rule.title();
        r.level = rule.level();
        r.tags = new ArrayList<>(rule.tags());
        r.type = rule.type().name().toLowerCase();
        r.key = key;
        r.count = count;
        long first = last;
        for (long t : s.times) {
            first = Math.min(first, t);
        }
        for (long t : s.valuesSeen.values()) {
            first = Math.min(first, t);
        }
        for (List<Long> times : s.ruleTimes.values()) {
            if (!times.isEmpty()) {
                first = Math.min(first, times.get(0));
            }
        }
        if (fixedWindow) {
            first = s.windowStart;
        }
        r.firstTimestamp = first;
        r.lastTimestamp = last;
        r.eventIds = new ArrayList<>(s.eventIds);
        return r;
    }
}
