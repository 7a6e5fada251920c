package dev.guardian.security;

import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.correlation.CorrelationInput;
import dev.guardian.security.correlation.CorrelationRouter;
import dev.guardian.security.detect.Detections;
import dev.guardian.security.rules.RuleBook;
import dev.guardian.security.rules.RuleUpdate;
import dev.guardian.security.sigma.RuleProblem;
import dev.guardian.security.sigma.SigmaCorrelationRule;
import dev.guardian.security.sigma.SigmaEngine;
import dev.guardian.security.sigma.SigmaEvent;
import dev.guardian.security.sigma.SigmaRule;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.sigma.SigmaRuleSet;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the single-event Sigma rules on each event (its original JSON, parsed once) and emits a
 * {@link Detection} per matching rule, except rules that only feed correlations ({@code generate:
 * false}, the default). Matches that correlations need leave through {@link #CORRELATION_INPUTS}.
 * The rules travel as their YAML text; {@link RuleUpdate}s on the broadcast input add, change or
 * remove rule files while the job runs (kept in broadcast state, so they survive a restore).
 */
public class SigmaMatcher extends BroadcastProcessFunction<SecurityEvent, RuleUpdate, Detection> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SigmaMatcher.class);

    public static final OutputTag<CorrelationInput> CORRELATION_INPUTS =
            new OutputTag<>("sigma-correlation-inputs", TypeInformation.of(CorrelationInput.class));

    private final LinkedHashMap<String, String> ruleSources;
    private transient SigmaEngine engine;
    private transient CorrelationRouter router;
    private transient Set<String> correlationOnly;
    private transient Counter matches;
    private transient Counter unreadable;

    public SigmaMatcher(Map<String, String> ruleSources) {
        this.ruleSources = new LinkedHashMap<>(ruleSources);
    }

    @Override
    public void open(OpenContext context) {
        matches = getRuntimeContext().getMetricGroup().counter("sigmaMatches");
        unreadable = getRuntimeContext().getMetricGroup().counter("sigmaUnreadableOriginals");
    }

    /** Compiles the rules in force: the initial ones overlaid by the broadcast updates. */
    private void compile(Iterable<Map.Entry<String, String>> updates) {
        SigmaRuleSet set = new SigmaRuleLoader().parse(RuleBook.merge(ruleSources, updates));
        for (RuleProblem problem : set.problems()) {
            LOG.warn("Sigma rule not loaded: {}", problem);
        }
        LOG.info("Sigma {}", set.summary());
        engine = SigmaEngine.of(set.rules());
        router = new CorrelationRouter(set.correlations());
        correlationOnly = correlationOnly(set);
    }

    @Override
    public void processBroadcastElement(RuleUpdate update, Context ctx, Collector<Detection> out)
            throws Exception {
        ctx.getBroadcastState(RuleBook.STATE)
                .put(update.source, update.yaml == null ? "" : update.yaml);
        compile(ctx.getBroadcastState(RuleBook.STATE).immutableEntries());
    }

    /** Rules referred to by a correlation that does not ask them to report on their own. */
    static Set<String> correlationOnly(SigmaRuleSet set) {
        Set<String> out = new HashSet<>();
        for (SigmaCorrelationRule c : set.correlations()) {
            if (!c.generate()) {
                out.addAll(c.rules());
            }
        }
        return out;
    }

    @Override
    public void processElement(SecurityEvent e, ReadOnlyContext ctx, Collector<Detection> out)
            throws Exception {
        if (engine == null) {
            // first event after a start or a restore: the broadcast state holds the updates
            compile(ctx.getBroadcastState(RuleBook.STATE).immutableEntries());
        }
        SigmaEvent event;
        try {
            event = SigmaEvent.of(CloudTrailRecords.json().readTree(e.getOriginalJson()));
        } catch (IOException | RuntimeException ex) {
            // an Avro SecurityEvent whose originalJson is not JSON: normalized fields still flow
            unreadable.inc();
            return;
        }
        List<SigmaRule> matched = engine.match(event);
        for (SigmaRule rule : matched) {
            matches.inc();
            if (!correlationOnly.contains(rule.id()) && !correlationOnly.contains(rule.name())) {
                out.collect(
                        Detections.single(rule.id(), rule.title(), rule.level(), rule.tags(), e));
            }
            for (CorrelationInput input :
                    router.route(
                            rule.id(),
                            rule.name(),
                            event,
                            e.getTime().toEpochMilli(),
                            e.getEventId())) {
                ctx.output(CORRELATION_INPUTS, input);
            }
        }
    }
}
