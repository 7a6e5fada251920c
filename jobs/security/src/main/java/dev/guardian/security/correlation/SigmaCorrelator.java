package dev.guardian.security.correlation;

import dev.guardian.security.rules.RuleBook;
import dev.guardian.security.rules.RuleUpdate;
import dev.guardian.security.sigma.SigmaCorrelationRule;
import dev.guardian.security.sigma.SigmaRuleLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sigma correlation rules in keyed state. The stream is keyed by group ({@link
 * CorrelationInput#key}); for each key a map holds one {@link CorrelationState} per correlation, so
 * adding or removing a correlation leaves the others' state alone. Event-time timers judge fixed
 * windows and drop expired state. When a correlation fires, the correlations that refer to it
 * (chains, which group by the same fields) receive its result as a match. {@link RuleUpdate}s on
 * the broadcast input change the correlations while the job runs; the state of every correlation
 * whose id stays is kept.
 */
public class SigmaCorrelator
        extends KeyedBroadcastProcessFunction<
                String, CorrelationInput, RuleUpdate, CorrelationResult> {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> ruleSources;
    private transient Map<String, CorrelationLogic> logic;
    private transient MapState<String, CorrelationState> state;
    private transient ValueState<Long> timer;

    /**
     * @param ruleSources the Sigma rule texts the job starts with (correlations and the rules they
     *     refer to), by file name
     */
    public SigmaCorrelator(Map<String, String> ruleSources) {
        this.ruleSources = new LinkedHashMap<>(ruleSources);
    }

    private void compile(Iterable<Map.Entry<String, String>> updates) {
        logic = new HashMap<>();
        for (SigmaCorrelationRule rule :
                new SigmaRuleLoader().parse(RuleBook.merge(ruleSources, updates)).correlations()) {
            logic.put(rule.id(), new CorrelationLogic(rule));
        }
    }

    @Override
    public void processBroadcastElement(
            RuleUpdate update, Context ctx, Collector<CorrelationResult> out) throws Exception {
        ctx.getBroadcastState(RuleBook.STATE)
                .put(update.source, update.yaml == null ? "" : update.yaml);
        compile(ctx.getBroadcastState(RuleBook.STATE).immutableEntries());
    }

    @Override
    public void open(OpenContext context) {
        state =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "sigma-correlations",
                                        Types.STRING,
                                        TypeInformation.of(CorrelationState.class)));
        timer =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>("sigma-correlation-timer", Types.LONG));
    }

    @Override
    public void processElement(
            CorrelationInput input, ReadOnlyContext ctx, Collector<CorrelationResult> out)
            throws Exception {
        if (logic == null) {
            compile(ctx.getBroadcastState(RuleBook.STATE).immutableEntries());
        }
        for (CorrelationLogic l : logic.values()) {
            SigmaCorrelationRule rule = l.rule();
            String ref = l.referenceFor(input.ruleId, input.ruleName);
            if (ref == null || !CorrelationRouter.group(rule).equals(input.group)) {
                continue;
            }
            match(
                    l,
                    ref,
                    input.timestamp,
                    input.eventId,
                    input.values.get(rule.id()),
                    ctx.getCurrentKey(),
                    ctx.timerService(),
                    out);
        }
        reschedule(ctx.timerService());
    }

    private void match(
            CorrelationLogic l,
            String ref,
            long timestamp,
            String eventId,
            String value,
            String key,
            TimerService timers,
            Collector<CorrelationResult> out)
            throws Exception {
        String id = l.rule().id();
        CorrelationState s = state.get(id);
        if (s == null) {
            s = new CorrelationState();
        }
        CorrelationResult result = l.onMatch(s, key, ref, timestamp, eventId, value);
        save(id, s, l);
        if (result != null) {
            emit(result, key, timers, out);
        }
    }

    private void emit(
            CorrelationResult result,
            String key,
            TimerService timers,
            Collector<CorrelationResult> out)
            throws Exception {
        out.collect(result);
        SigmaCorrelationRule fired = logic.get(result.correlationId).rule();
        for (CorrelationLogic next : logic.values()) {
            String ref = next.referenceFor(fired.id(), fired.name());
            if (ref != null) {
                match(next, ref, result.lastTimestamp, null, null, key, timers, out);
            }
        }
    }

    private void save(String id, CorrelationState s, CorrelationLogic l) throws Exception {
        if (l.nextTimer(s) == Long.MAX_VALUE) {
            state.remove(id);
        } else {
            state.put(id, s);
        }
    }

    /** Keeps one timer per key, at the earliest time any correlation of the key needs. */
    private void reschedule(TimerService timers) throws Exception {
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, CorrelationState> e : state.entries()) {
            CorrelationLogic l = logic.get(e.getKey());
            if (l != null) {
                next = Math.min(next, l.nextTimer(e.getValue()));
            }
        }
        Long current = timer.value();
        if (current != null && current != next) {
            timers.deleteEventTimeTimer(current);
        }
        if (next == Long.MAX_VALUE) {
            timer.clear();
        } else if (current == null || current != next) {
            timers.registerEventTimeTimer(next);
            timer.update(next);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CorrelationResult> out)
            throws Exception {
        if (logic == null) {
            compile(ctx.getBroadcastState(RuleBook.STATE).immutableEntries());
        }
        timer.clear();
        List<CorrelationResult> fired = new ArrayList<>();
        Iterator<Map.Entry<String, CorrelationState>> it = state.iterator();
        Map<String, CorrelationState> updates = new HashMap<>();
        while (it.hasNext()) {
            Map.Entry<String, CorrelationState> e = it.next();
            CorrelationLogic l = logic.get(e.getKey());
            if (l == null) {
                it.remove(); // the correlation was removed from the rules
                continue;
            }
            CorrelationState s = e.getValue();
            CorrelationResult result = l.onTime(s, ctx.getCurrentKey(), timestamp);
            if (result != null) {
                fired.add(result);
            }
            updates.put(e.getKey(), s);
        }
        for (Map.Entry<String, CorrelationState> e : updates.entrySet()) {
            save(e.getKey(), e.getValue(), logic.get(e.getKey()));
        }
        for (CorrelationResult result : fired) {
            emit(result, ctx.getCurrentKey(), ctx.timerService(), out);
        }
        reschedule(ctx.timerService());
    }
}
