package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.correlation.CorrelationInput;
import dev.guardian.security.correlation.CorrelationResult;
import dev.guardian.security.correlation.CorrelationRouter;
import dev.guardian.security.correlation.InMemoryCorrelator;
import dev.guardian.security.sigma.RuleProblem;
import dev.guardian.security.sigma.SigmaEngine;
import dev.guardian.security.sigma.SigmaEvent;
import dev.guardian.security.sigma.SigmaRule;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.sigma.SigmaRuleSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code guardian eval sigma}: loads a rule directory, reports every rule it cannot run, and prints
 * for each event of a file the ids of the rules it matches, one JSON line per event.
 */
public final class EvalSigmaCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    public EvalSigmaCommand() {
        this(System.out, System.err);
    }

    EvalSigmaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "sigma";
    }

    @Override
    public String summary() {
        return "load Sigma rules, report the ones that cannot run, match CloudTrail events";
    }

    @Override
    public String usage() {
        return "[--rules DIR (default: shared security/sigma-cloudtrail)] [--events FILE]"
                + " [--placeholders FILE] [--strict]";
    }

    @Override
    public int run(Args args) throws Exception {
        Path rules =
                args.string("rules").isPresent()
                        ? args.existingPath("rules")
                        : SharedData.resolve("security/sigma-cloudtrail");
        Optional<Path> events =
                args.string("events").isPresent()
                        ? Optional.of(args.existingPath("events"))
                        : Optional.empty();
        Optional<Path> placeholders =
                args.string("placeholders").isPresent()
                        ? Optional.of(args.existingPath("placeholders"))
                        : Optional.empty();
        boolean strict = args.flag("strict");
        args.rejectUnknown();

        SigmaRuleLoader loader =
                new SigmaRuleLoader(Placeholders.parser(placeholders.orElse(null)));
        SigmaRuleSet set = loader.load(rules);
        out.println(set.summary());
        for (RuleProblem problem : set.problems()) {
            err.println("  " + problem);
        }
        if (set.loaded() == 0) {
            throw new UsageException("no rule loaded from " + rules);
        }
        if (events.isPresent()) {
            evaluate(set, events.get());
        }
        return strict && !set.problems().isEmpty() ? 1 : 0;
    }

    private void evaluate(SigmaRuleSet set, Path file) throws java.io.IOException {
        SigmaEngine engine = SigmaEngine.of(set.rules());
        CorrelationRouter router = new CorrelationRouter(set.correlations());
        InMemoryCorrelator correlator = new InMemoryCorrelator(set.correlations());
        List<CorrelationResult> correlated = new ArrayList<>();
        Map<SigmaRule, Integer> hits = new LinkedHashMap<>();
        int[] counts = new int[3]; // events, rejected, matched
        EventFile.read(
                file,
                new CloudTrailRecords(),
                (line, record) -> {
                    counts[0]++;
                    SigmaEvent event = SigmaEvent.of(record);
                    List<SigmaRule> matched = engine.match(event);
                    if (!matched.isEmpty()) {
                        counts[2]++;
                    }
                    ObjectNode o = CloudTrailRecords.json().createObjectNode();
                    o.put("event", counts[0]);
                    o.put("line", line);
                    putText(o, "eventID", record.get("eventID"));
                    putText(o, "eventName", record.get("eventName"));
                    ArrayNode ids = o.putArray("rules");
                    for (SigmaRule rule : matched) {
                        ids.add(rule.id());
                        hits.merge(rule, 1, Integer::sum);
                    }
                    out.println(o);
                    if (!set.correlations().isEmpty() && !matched.isEmpty()) {
                        long time = eventTime(record);
                        String eventId = o.path("eventID").asText(null);
                        for (SigmaRule rule : matched) {
                            for (CorrelationInput input :
                                    router.route(rule.id(), rule.name(), event, time, eventId)) {
                                correlated.addAll(correlator.accept(input));
                            }
                        }
                    }
                },
                (line, reason) -> {
                    counts[1]++;
                    ObjectNode o = CloudTrailRecords.json().createObjectNode();
                    o.put("line", line);
                    o.put("error", reason);
                    out.println(o);
                });
        correlated.addAll(correlator.finish());
        for (CorrelationResult r : correlated) {
            ObjectNode o = CloudTrailRecords.json().createObjectNode();
            o.put("correlation", r.correlationId);
            o.put("type", r.type);
            o.set("group", CloudTrailRecords.json().readTree(r.key));
            o.put("count", r.count);
            o.put("first", Instant.ofEpochMilli(r.firstTimestamp).toString());
            o.put("last", Instant.ofEpochMilli(r.lastTimestamp).toString());
            ArrayNode ids = o.putArray("eventIDs");
            r.eventIds.forEach(ids::add);
            out.println(o);
        }
        err.printf(
                "events %d, rejected %d, matched by at least one rule %d, correlations fired %d%n",
                counts[0], counts[1], counts[2], correlated.size());
        hits.forEach((rule, n) -> err.printf("  %5d  %s  %s%n", n, rule.id(), rule.title()));
    }

    /** The record's event time, or 0 when it has none (correlations then see it at the start). */
    private static long eventTime(JsonNode record) {
        try {
            return CloudTrailNormalizer.eventTime(record).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void putText(ObjectNode o, String name, JsonNode value) {
        if (value != null && value.isValueNode()) {
            o.put(name, value.asText());
        }
    }
}
