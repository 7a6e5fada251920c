package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.sigma.RuleProblem;
import dev.guardian.security.sigma.SigmaEngine;
import dev.guardian.security.sigma.SigmaRule;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.sigma.SigmaRuleSet;
import java.io.PrintStream;
import java.nio.file.Path;
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
            evaluate(SigmaEngine.of(set.rules()), events.get());
        }
        return strict && !set.problems().isEmpty() ? 1 : 0;
    }

    private void evaluate(SigmaEngine engine, Path file) throws java.io.IOException {
        Map<SigmaRule, Integer> hits = new LinkedHashMap<>();
        int[] counts = new int[3]; // events, rejected, matched
        EventFile.read(
                file,
                new CloudTrailRecords(),
                (line, record) -> {
                    counts[0]++;
                    List<SigmaRule> matched = engine.match(record);
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
                },
                (line, reason) -> {
                    counts[1]++;
                    ObjectNode o = CloudTrailRecords.json().createObjectNode();
                    o.put("line", line);
                    o.put("error", reason);
                    out.println(o);
                });
        err.printf(
                "events %d, rejected %d, matched by at least one rule %d%n",
                counts[0], counts[1], counts[2]);
        hits.forEach((rule, n) -> err.printf("  %5d  %s  %s%n", n, rule.id(), rule.title()));
    }

    private static void putText(ObjectNode o, String name, JsonNode value) {
        if (value != null && value.isValueNode()) {
            o.put(name, value.asText());
        }
    }
}
