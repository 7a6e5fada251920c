package dev.guardian.security.sigma;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Sigma YAML (one or several documents) into compiled {@link SigmaRule}s and {@link
 * SigmaCorrelationRule}s. Works on SnakeYAML's node tree so that every problem names its line. One
 * bad document does not stop the others of the file, except a YAML syntax error, after which the
 * rest of the file cannot be read.
 */
public final class SigmaRuleParser {

    /** One YAML document: a rule, a correlation, or the problem that stopped it. */
    public record Document(SigmaRule rule, SigmaCorrelationRule correlation, RuleProblem problem) {}

    private final Map<String, List<String>> placeholders;

    /** A parser without placeholder values: rules using {@code expand} are reported. */
    public SigmaRuleParser() {
        this(Map.of());
    }

    /** A parser that expands {@code %name%} placeholders to the given values. */
    public SigmaRuleParser(Map<String, List<String>> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    /** Parses every document of {@code yaml}; {@code source} names it in problems. */
    public List<Document> parse(String source, String yaml) {
        List<Document> documents = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Iterator<Node> nodes = new Yaml(options).composeAll(new StringReader(yaml)).iterator();
        int index = 0;
        while (true) {
            Node node;
            try {
                if (!nodes.hasNext()) {
                    break;
                }
                node = nodes.next();
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                int line = mark == null ? 0 : mark.getLine() + 1;
                String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
                documents.add(
                        new Document(
                                null,
                                null,
                                new RuleProblem(
                                        source, line, "invalid YAML: " + problem.trim(), false)));
                break;
            } catch (YAMLException e) {
                documents.add(
                        new Document(
                                null,
                                null,
                                new RuleProblem(
                                        source, 0, "invalid YAML: " + e.getMessage(), false)));
                break;
            }
            index++;
            if (node == null) {
                continue;
            }
            try {
                documents.add(document(source, index, node));
            } catch (SigmaRuleException e) {
                documents.add(new Document(null, null, RuleProblem.of(e)));
            }
        }
        return documents;
    }

    private Document document(String source, int index, Node node) {
        Rule r = new Rule(source);
        if (!(node instanceof MappingNode root)) {
            throw r.malformed(node, "a rule must be a YAML mapping, found " + kind(node));
        }
        Map<String, NodeTuple> fields = r.map(root);
        if (fields.containsKey("action")) {
            throw r.unsupported(
                    fields.get("action").getKeyNode(),
                    "rule collections with 'action' (Sigma 1 global/reset/repeat) are not supported");
        }
        String title = r.optionalText(fields, "title");
        int line = line(root);
        String id = r.optionalText(fields, "id");
        String name = r.optionalText(fields, "name");
        if (id == null) {
            id = name != null ? name : baseName(source) + "#" + index;
        }
        String level = r.optionalText(fields, "level");
        List<String> tags = r.optionalTextList(fields, "tags");
        if (fields.containsKey("correlation")) {
            if (title == null) {
                throw r.malformed(root, "the correlation rule has no 'title'");
            }
            return new Document(
                    null,
                    new CorrelationParser(r)
                            .parse(fields, id, name, title, level, tags, source, line),
                    null);
        }
        if (title == null) {
            throw r.malformed(root, "the rule has no 'title'");
        }
        NodeTuple detection = fields.get("detection");
        if (detection == null) {
            throw r.malformed(root, "the rule has no 'detection' section");
        }
        DetectionNode compiled = detection(r, detection);
        Map<String, String> logsource = new LinkedHashMap<>();
        NodeTuple ls = fields.get("logsource");
        if (ls != null) {
            r.map(r.mapping(ls.getValueNode(), "logsource"))
                    .forEach(
                            (k, v) -> logsource.put(k, r.text(v.getValueNode(), "logsource." + k)));
        }
        return new Document(
                new SigmaRule(
                        id,
                        name,
                        title,
                        r.optionalText(fields, "description"),
                        r.optionalText(fields, "status"),
                        level,
                        tags,
                        logsource,
                        source,
                        line,
                        compiled),
                null,
                null);
    }

    private DetectionNode detection(Rule r, NodeTuple tuple) {
        MappingNode section = r.mapping(tuple.getValueNode(), "detection");
        Map<String, NodeTuple> entries = r.map(section);
        NodeTuple condition = entries.get("condition");
        if (condition == null) {
            throw r.malformed(tuple.getKeyNode(), "the detection has no 'condition'");
        }
        FieldItemCompiler compiler = new FieldItemCompiler(r.source, placeholders);
        Map<String, DetectionNode> identifiers = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.equals("condition") || key.equals("timeframe")) {
                continue;
            }
            identifiers.put(key, searchIdentifier(r, compiler, key, e.getValue().getValueNode()));
        }
        Node conditionNode = condition.getValueNode();
        List<String> conditions = new ArrayList<>();
        if (conditionNode instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                conditions.add(r.text(item, "condition"));
            }
        } else {
            conditions.add(r.text(conditionNode, "condition"));
        }
        if (conditions.isEmpty()) {
            throw r.malformed(conditionNode, "the condition is empty");
        }
        List<DetectionNode> parsed = new ArrayList<>();
        for (String c : conditions) {
            parsed.add(new ConditionParser(r.source, line(conditionNode), identifiers).parse(c));
        }
        return LogicalNode.or(parsed);
    }

    private DetectionNode searchIdentifier(
            Rule r, FieldItemCompiler compiler, String name, Node node) {
        if (node instanceof MappingNode map) {
            return selection(r, compiler, name, map);
        }
        if (node instanceof SequenceNode list) {
            if (list.getValue().isEmpty()) {
                throw r.malformed(node, "search identifier '" + name + "' is an empty list");
            }
            boolean maps = list.getValue().stream().allMatch(n -> n instanceof MappingNode);
            boolean scalars = list.getValue().stream().allMatch(n -> n instanceof ScalarNode);
            if (maps) {
                List<DetectionNode> alternatives = new ArrayList<>();
                for (Node item : list.getValue()) {
                    alternatives.add(selection(r, compiler, name, (MappingNode) item));
                }
                return LogicalNode.or(alternatives);
            }
            if (scalars) {
                return compiler.keywords(scalars(r, list, name), line(node));
            }
            throw r.malformed(
                    node,
                    "search identifier '" + name + "' mixes maps and plain values in one list");
        }
        ScalarNode scalar = (ScalarNode) node;
        return compiler.keywords(List.of(scalar(scalar)), line(node));
    }

    private DetectionNode selection(
            Rule r, FieldItemCompiler compiler, String name, MappingNode map) {
        Map<String, NodeTuple> items = r.map(map);
        if (items.isEmpty()) {
            throw r.malformed(map, "search identifier '" + name + "' is empty");
        }
        List<DetectionNode> all = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> item : items.entrySet()) {
            Node value = item.getValue().getValueNode();
            List<FieldItemCompiler.Scalar> values;
            if (value instanceof SequenceNode list) {
                values = scalars(r, list, item.getKey());
            } else if (value instanceof ScalarNode scalar) {
                values = List.of(scalar(scalar));
            } else {
                throw r.malformed(
                        value,
                        "the value of '"
                                + item.getKey()
                                + "' is a map; a field takes a value or a list of values");
            }
            all.add(compiler.compile(item.getKey(), values, line(item.getValue().getKeyNode())));
        }
        return LogicalNode.and(all);
    }

    private static List<FieldItemCompiler.Scalar> scalars(Rule r, SequenceNode list, String what) {
        List<FieldItemCompiler.Scalar> values = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw r.malformed(
                        item, "'" + what + "' lists a " + kind(item) + " among its values");
            }
            values.add(scalar(scalar));
        }
        return values;
    }

    static FieldItemCompiler.Scalar scalar(ScalarNode node) {
        Tag tag = node.getTag();
        String text = node.getValue();
        Boolean bool = null;
        if (tag.equals(Tag.BOOL)) {
            String t = text.toLowerCase(Locale.ROOT);
            bool = t.equals("true") || t.equals("yes") || t.equals("on");
        }
        return new FieldItemCompiler.Scalar(text, tag.equals(Tag.NULL), bool, line(node));
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "map";
        }
        return node instanceof SequenceNode ? "list" : "value";
    }

    private static String baseName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }

    /** Node access that reports problems with the rule's source and the node's line. */
    static final class Rule {
        final String source;

        Rule(String source) {
            this.source = source;
        }

        Map<String, NodeTuple> map(MappingNode node) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                String key = text(tuple.getKeyNode(), "key");
                if (!seen.add(key)) {
                    throw malformed(tuple.getKeyNode(), "duplicate key '" + key + "'");
                }
                out.put(key, tuple);
            }
            return out;
        }

        MappingNode mapping(Node node, String what) {
            if (node instanceof MappingNode map) {
                return map;
            }
            throw malformed(node, "'" + what + "' must be a map, found " + kind(node));
        }

        String text(Node node, String what) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            throw malformed(node, "'" + what + "' must be a single value, found " + kind(node));
        }

        String optionalText(Map<String, NodeTuple> fields, String key) {
            NodeTuple tuple = fields.get(key);
            if (tuple == null
                    || (tuple.getValueNode() instanceof ScalarNode s
                            && s.getTag().equals(Tag.NULL))) {
                return null;
            }
            return text(tuple.getValueNode(), key);
        }

        List<String> optionalTextList(Map<String, NodeTuple> fields, String key) {
            NodeTuple tuple = fields.get(key);
            List<String> out = new ArrayList<>();
            if (tuple == null) {
                return out;
            }
            Node value = tuple.getValueNode();
            if (value instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    out.add(text(item, key));
                }
            } else if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                out.add(s.getValue());
            } else if (value instanceof MappingNode) {
                throw malformed(value, "'" + key + "' must be a list");
            }
            return out;
        }

        SigmaRuleException malformed(Node node, String reason) {
            return new SigmaRuleException(source, line(node), reason, false);
        }

        SigmaRuleException unsupported(Node node, String reason) {
            return new SigmaRuleException(source, line(node), reason, true);
        }
    }

    /** The {@code correlation} section of a meta rule. */
    private static final class CorrelationParser {
        private final Rule r;

        CorrelationParser(Rule r) {
            this.r = r;
        }

        SigmaCorrelationRule parse(
                Map<String, NodeTuple> fields,
                String id,
                String name,
                String title,
                String level,
                List<String> tags,
                String source,
                int line) {
            NodeTuple section = fields.get("correlation");
            MappingNode node = r.mapping(section.getValueNode(), "correlation");
            Map<String, NodeTuple> c = r.map(node);
            String typeText = r.optionalText(c, "type");
            if (typeText == null) {
                throw r.malformed(node, "the correlation has no 'type'");
            }
            SigmaCorrelationRule.Type type;
            try {
                type = SigmaCorrelationRule.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.malformed(
                        c.get("type").getValueNode(),
                        "unknown correlation type '"
                                + typeText
                                + "' (event_count, value_count, temporal, temporal_ordered)");
            }
            List<String> rules = r.optionalTextList(c, "rules");
            if (rules.isEmpty()) {
                throw r.malformed(node, "the correlation has no 'rules'");
            }
            List<String> groupBy = r.optionalTextList(c, "group-by");
            String timespanText = r.optionalText(c, "timespan");
            if (timespanText == null) {
                throw r.malformed(node, "the correlation has no 'timespan'");
            }
            Duration timespan = timespan(c.get("timespan").getValueNode(), timespanText);
            CorrelationCondition condition = condition(c, type, node);
            Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
            NodeTuple aliasNode = c.get("aliases");
            if (aliasNode != null) {
                r.map(r.mapping(aliasNode.getValueNode(), "aliases"))
                        .forEach(
                                (alias, tuple) -> {
                                    Map<String, String> perRule = new LinkedHashMap<>();
                                    r.map(r.mapping(tuple.getValueNode(), "aliases." + alias))
                                            .forEach(
                                                    (rule, field) ->
                                                            perRule.put(
                                                                    rule,
                                                                    r.text(
                                                                            field.getValueNode(),
                                                                            "aliases." + alias)));
                                    aliases.put(alias, perRule);
                                });
            }
            String generate = r.optionalText(c, "generate");
            if (generate == null) {
                generate = r.optionalText(fields, "generate");
            }
            return new SigmaCorrelationRule(
                    id,
                    name,
                    title,
                    level,
                    tags,
                    type,
                    rules,
                    groupBy,
                    timespan,
                    condition,
                    aliases,
                    "true".equalsIgnoreCase(generate),
                    source,
                    line);
        }

        private Duration timespan(Node node, String text) {
            String t = text.trim();
            if (t.length() >= 2) {
                char unit = t.charAt(t.length() - 1);
                try {
                    long amount = Long.parseLong(t.substring(0, t.length() - 1));
                    if (amount > 0) {
                        switch (unit) {
                            case 's':
                                return Duration.ofSeconds(amount);
                            case 'm':
                                return Duration.ofMinutes(amount);
                            case 'h':
                                return Duration.ofHours(amount);
                            case 'd':
                                return Duration.ofDays(amount);
                            default:
                        }
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw r.malformed(node, "timespan '" + text + "' is not a number with s, m, h or d");
        }

        private CorrelationCondition condition(
                Map<String, NodeTuple> c, SigmaCorrelationRule.Type type, Node section) {
            NodeTuple tuple = c.get("condition");
            boolean temporal =
                    type == SigmaCorrelationRule.Type.TEMPORAL
                            || type == SigmaCorrelationRule.Type.TEMPORAL_ORDERED;
            if (tuple == null) {
                if (temporal) {
                    return null;
                }
                throw r.malformed(section, "the correlation has no 'condition'");
            }
            Map<CorrelationCondition.Operator, Long> bounds = new LinkedHashMap<>();
            String field = null;
            for (Map.Entry<String, NodeTuple> e :
                    r.map(r.mapping(tuple.getValueNode(), "condition")).entrySet()) {
                Node value = e.getValue().getValueNode();
                if (e.getKey().equals("field")) {
                    field = r.text(value, "condition.field");
                    continue;
                }
                CorrelationCondition.Operator op;
                try {
                    op = CorrelationCondition.Operator.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw r.malformed(
                            e.getValue().getKeyNode(),
                            "unknown condition operator '"
                                    + e.getKey()
                                    + "' (gt, gte, lt, lte, eq)");
                }
                try {
                    bounds.put(op, Long.parseLong(r.text(value, e.getKey()).trim()));
                } catch (NumberFormatException ex) {
                    throw r.malformed(value, "'" + e.getKey() + "' needs a whole number");
                }
            }
            if (bounds.isEmpty()) {
                throw r.malformed(tuple.getValueNode(), "the condition has no gt/gte/lt/lte/eq");
            }
            if (type == SigmaCorrelationRule.Type.VALUE_COUNT && field == null) {
                throw r.malformed(tuple.getValueNode(), "a value_count condition needs a 'field'");
            }
            return new CorrelationCondition(field, bounds);
        }
    }
}
