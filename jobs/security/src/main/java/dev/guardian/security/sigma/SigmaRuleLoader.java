package dev.guardian.security.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads every {@code .yml}/{@code .yaml} file under a directory (or one file), in path order. A
 * problem in one rule never stops the others; each is reported with its file and line. Correlation
 * rules are checked against the rules they refer to.
 */
public final class SigmaRuleLoader {

    private final SigmaRuleParser parser;

    public SigmaRuleLoader() {
        this(new SigmaRuleParser());
    }

    public SigmaRuleLoader(SigmaRuleParser parser) {
        this.parser = parser;
    }

    /** Loads a rule directory or a single rule file. */
    public SigmaRuleSet load(Path path) {
        List<RuleProblem> unreadable = new ArrayList<>();
        Map<String, String> texts = sources(path, unreadable);
        SigmaRuleSet set = parse(texts);
        List<RuleProblem> problems = new ArrayList<>(unreadable);
        problems.addAll(set.problems());
        return new SigmaRuleSet(
                set.rules(), set.correlations(), problems, set.documents() + unreadable.size());
    }

    /**
     * The text of every rule file under {@code path}, by file name, for {@link #parse} (a job ships
     * the texts, not the directory); files that cannot be read are added to {@code unreadable}.
     */
    public static Map<String, String> sources(Path path, List<RuleProblem> unreadable) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(
                                p -> {
                                    String n = p.getFileName().toString().toLowerCase();
                                    return n.endsWith(".yml") || n.endsWith(".yaml");
                                })
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list rules in " + path, e);
            }
        } else {
            files.add(path);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                texts.put(file.toString(), readUtf8(file));
            } catch (IOException e) {
                unreadable.add(new RuleProblem(file.toString(), 0, "cannot read: " + e, false));
            }
        }
        return texts;
    }

    private static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }

    /** Parses rule texts keyed by their source name (a file, a topic record key). */
    public SigmaRuleSet parse(Map<String, String> sources) {
        List<SigmaRule> rules = new ArrayList<>();
        List<SigmaCorrelationRule> correlations = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        int documents = 0;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            List<SigmaRuleParser.Document> parsed =
                    parser.parse(source.getKey(), source.getValue());
            if (parsed.isEmpty()) {
                documents++;
                problems.add(new RuleProblem(source.getKey(), 0, "the file holds no rule", false));
            }
            for (SigmaRuleParser.Document d : parsed) {
                documents++;
                if (d.problem() != null) {
                    problems.add(d.problem());
                    continue;
                }
                String id = d.rule() != null ? d.rule().id() : d.correlation().id();
                String where =
                        d.rule() != null
                                ? d.rule().source() + ":" + d.rule().line()
                                : d.correlation().source() + ":" + d.correlation().line();
                String first = seenIds.putIfAbsent(id, where);
                if (first != null) {
                    problems.add(
                            new RuleProblem(
                                    d.rule() != null ? d.rule().source() : d.correlation().source(),
                                    d.rule() != null ? d.rule().line() : d.correlation().line(),
                                    "duplicate rule id " + id + ", first defined at " + first,
                                    false));
                    continue;
                }
                if (d.rule() != null) {
                    rules.add(d.rule());
                } else {
                    correlations.add(d.correlation());
                }
            }
        }
        List<SigmaCorrelationRule> resolved = new ArrayList<>();
        for (SigmaCorrelationRule c : correlations) {
            String missing = CorrelationGraph.unresolved(c, rules, correlations);
            if (missing != null) {
                problems.add(new RuleProblem(c.source(), c.line(), missing, false));
            } else {
                resolved.add(c);
            }
        }
        return new SigmaRuleSet(rules, resolved, problems, documents);
    }
}
