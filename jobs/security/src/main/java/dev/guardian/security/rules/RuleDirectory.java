package dev.guardian.security.rules;

import dev.guardian.security.sigma.RuleProblem;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.sigma.SigmaRuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule files a job starts with, keyed by their path relative to the rules directory (e.g.
 * {@code aws_cloudtrail_disable_logging.yml}): the same names the rules topic uses, so that an
 * update with a file's name replaces that file rather than adding a second copy of the rule.
 */
public final class RuleDirectory {

    /** The texts by relative name, and what could not be read or compiled. */
    public record Loaded(
            Map<String, String> sources, SigmaRuleSet compiled, List<RuleProblem> problems) {}

    private RuleDirectory() {}

    public static Loaded load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "rules directory not found: " + dir.toAbsolutePath());
        }
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> byPath = SigmaRuleLoader.sources(dir, problems);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : byPath.entrySet()) {
            sources.put(relativeName(dir, Path.of(e.getKey())), e.getValue());
        }
        SigmaRuleSet compiled = new SigmaRuleLoader().parse(sources);
        problems.addAll(compiled.problems());
        return new Loaded(sources, compiled, problems);
    }

    static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
