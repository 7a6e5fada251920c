package dev.guardian.security.sigma;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation (meta) rule: {@code event_count}, {@code value_count}, {@code temporal} or
 * {@code temporal_ordered} over the matches of other rules, per {@code group-by} values, within a
 * {@code timespan}. Immutable and serializable, so a Flink function can carry it.
 */
public final class SigmaCorrelationRule implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The correlation types of the specification. */
    public enum Type {
        EVENT_COUNT,
        VALUE_COUNT,
        TEMPORAL,
        TEMPORAL_ORDERED
    }

    private final String id;
    private final String name;
    private final String title;
    private final String level;
    private final List<String> tags;
    private final Type type;
    private final List<String> rules;
    private final List<String> groupBy;
    private final Duration timespan;
    private final CorrelationCondition condition;
    private final Map<String, Map<String, String>> aliases;
    private final boolean generate;
    private final String source;
    private final int line;

    SigmaCorrelationRule(
            String id,
            String name,
            String title,
            String level,
            List<String> tags,
            Type type,
            List<String> rules,
            List<String> groupBy,
            Duration timespan,
            CorrelationCondition condition,
            Map<String, Map<String, String>> aliases,
            boolean generate,
            String source,
            int line) {
        this.id = id;
        this.name = name;
        this.title = title;
        this.level = level;
        this.tags = List.copyOf(tags);
        this.type = type;
        this.rules = List.copyOf(rules);
        this.groupBy = List.copyOf(groupBy);
        this.timespan = timespan;
        this.condition = condition;
        this.aliases = Map.copyOf(aliases);
        this.generate = generate;
        this.source = source;
        this.line = line;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String level() {
        return level;
    }

    public List<String> tags() {
        return tags;
    }

    public Type type() {
        return type;
    }

    /** The ids or names of the rules (or correlations) it correlates. */
    public List<String> rules() {
        return rules;
    }

    public List<String> groupBy() {
        return groupBy;
    }

    public Duration timespan() {
        return timespan;
    }

    /** The count condition; for temporal types defaults to "all referenced rules" when absent. */
    public CorrelationCondition condition() {
        return condition;
    }

    /** Alias name to (rule name to field name in that rule's events). */
    public Map<String, Map<String, String>> aliases() {
        return aliases;
    }

    /** Whether the referenced rules also report on their own. */
    public boolean generate() {
        return generate;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** The event field holding group-by field {@code groupField} for matches of {@code rule}. */
    public String fieldFor(String groupField, String rule) {
        Map<String, String> alias = aliases.get(groupField);
        if (alias == null) {
            return groupField;
        }
        String field = alias.get(rule);
        return field == null ? groupField : field;
    }

    @Override
    public String toString() {
        return id + " (" + type.name().toLowerCase() + " of " + rules + ")";
    }
}
