package dev.guardian.logs.redact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Removes secrets and personal data from log text before anything is stored or mined: each match of
 * a {@link RedactionRule} becomes {@code [REDACTED:<rule>]}. The redactor counts what it removed,
 * per rule, and never logs or keeps the removed text.
 */
public final class LogRedactor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The rules on by default, by name. */
    public static final List<RedactionRule> DEFAULT_RULES =
            List.of(
                    RedactionRule.EMAIL,
                    RedactionRule.CREDIT_CARD,
                    RedactionRule.AWS_KEY,
                    RedactionRule.BEARER_TOKEN,
                    RedactionRule.URL_PASSWORD);

    private final List<RedactionRule> rules;

    private LogRedactor(List<RedactionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static LogRedactor defaults() {
        return new LogRedactor(DEFAULT_RULES);
    }

    public static LogRedactor of(List<RedactionRule> rules) {
        return new LogRedactor(rules);
    }

    /**
     * The built-in rules named in {@code builtIn} (any of {@link #DEFAULT_RULES}) followed by the
     * user's {@code custom} rules (name to Java regular expression).
     *
     * @throws IllegalArgumentException naming an unknown built-in rule or an invalid expression
     */
    public static LogRedactor configured(List<String> builtIn, Map<String, String> custom) {
        Map<String, RedactionRule> known = new LinkedHashMap<>();
        DEFAULT_RULES.forEach(rule -> known.put(rule.name(), rule));
        List<RedactionRule> rules = new ArrayList<>();
        for (String name : builtIn) {
            RedactionRule rule = known.get(name.trim());
            if (rule == null) {
                throw new IllegalArgumentException(
                        "unknown redaction rule '" + name + "'; built-in rules: " + known.keySet());
            }
            rules.add(rule);
        }
        for (Map.Entry<String, String> entry : custom.entrySet()) {
            try {
                Pattern.compile(entry.getValue());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "redaction rule '"
                                + entry.getKey()
                                + "' is not a valid regular expression: "
                                + e.getDescription(),
                        e);
            }
            rules.add(RedactionRule.custom(entry.getKey(), entry.getValue()));
        }
        return new LogRedactor(rules);
    }

    public List<RedactionRule> rules() {
        return Collections.unmodifiableList(rules);
    }

    /**
     * Redacts {@code text}, adding the number of replacements of rule {@code i} to {@code
     * counts[i]}. Returns {@code text} itself when nothing matched.
     */
    public String redact(String text, int[] counts) {
        if (counts.length != rules.size()) {
            throw new IllegalArgumentException(
                    "counts has " + counts.length + " slots for " + rules.size() + " rules");
        }
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (int i = 0; i < rules.size(); i++) {
            result = rules.get(i).apply(result, counts, i);
        }
        return result;
    }

    /** Convenience for one text: the redacted text and the count per rule name. */
    public Result redact(String text) {
        int[] counts = new int[rules.size()];
        String redacted = redact(text, counts);
        Map<String, Integer> byRule = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                byRule.put(rules.get(i).name(), counts[i]);
            }
        }
        return new Result(redacted, byRule);
    }

    /** Redacted text with the number of replacements per rule name (rules that matched). */
    public static final class Result {
        private final String text;
        private final Map<String, Integer> counts;

        Result(String text, Map<String, Integer> counts) {
            this.text = text;
            this.counts = Collections.unmodifiableMap(counts);
        }

        public String text() {
            return text;
        }

        public Map<String, Integer> counts() {
            return counts;
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
