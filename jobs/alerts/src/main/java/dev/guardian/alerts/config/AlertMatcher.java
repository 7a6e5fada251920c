package dev.guardian.alerts.config;

import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Severity;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which alerts a route, mute or maintenance window applies to. Every condition given must hold; an
 * empty matcher matches everything.
 *
 * <pre>
 * match:
 *   source: [METRICS, LOGS]          # any of
 *   severity: [CRITICAL, ERROR]      # any of
 *   min_severity: WARNING            # this or more urgent
 *   labels: {team: payments}         # equal values
 *   labels_regex: {env: "prod|staging"}  # whole-value regular expressions
 *   entity_regex: "db-.*"
 * </pre>
 */
public final class AlertMatcher implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> sources;
    private final Set<String> severities;
    private final Severity minSeverity;
    private final Map<String, String> labels;
    private final Map<String, String> labelsRegex;
    private final String entityRegex;

    private transient Map<String, Pattern> labelPatterns;
    private transient Pattern entityPattern;

    public AlertMatcher(
            Set<String> sources,
            Set<String> severities,
            Severity minSeverity,
            Map<String, String> labels,
            Map<String, String> labelsRegex,
            String entityRegex) {
        this.sources = new TreeSet<>(sources);
        this.severities = new TreeSet<>(severities);
        this.minSeverity = minSeverity;
        this.labels = new LinkedHashMap<>(labels);
        this.labelsRegex = new LinkedHashMap<>(labelsRegex);
        this.entityRegex = entityRegex;
    }

    public static AlertMatcher any() {
        return new AlertMatcher(Set.of(), Set.of(), null, Map.of(), Map.of(), null);
    }

    static AlertMatcher parse(ConfigNode node) {
        Set<String> sources = new TreeSet<>();
        for (String s : node.strings("source")) {
            String name = s.trim().toUpperCase(Locale.ROOT);
            if (!Set.of("METRICS", "LOGS", "BILLING", "SECURITY").contains(name)) {
                throw ConfigNode.error(
                        node.child("source"),
                        "has unknown source '" + s + "' (METRICS, LOGS, BILLING, SECURITY)");
            }
            sources.add(name);
        }
        Set<String> severities = new TreeSet<>();
        for (String s : node.strings("severity")) {
            severities.add(severity(node.child("severity"), s).name());
        }
        String min = node.string("min_severity", null);
        Severity minSeverity = min == null ? null : severity(node.child("min_severity"), min);
        Map<String, String> labels = node.stringMap("labels");
        Map<String, String> labelsRegex = node.stringMap("labels_regex");
        labelsRegex.forEach((k, v) -> compile(node.child("labels_regex." + k), v));
        String entityRegex = node.string("entity_regex", null);
        if (entityRegex != null) {
            compile(node.child("entity_regex"), entityRegex);
        }
        node.rejectUnknown();
        return new AlertMatcher(sources, severities, minSeverity, labels, labelsRegex, entityRegex);
    }

    private static Severity severity(String path, String name) {
        try {
            return Severity.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigNode.error(
                    path, "has unknown severity '" + name + "' (CRITICAL, ERROR, WARNING, INFO)");
        }
    }

    private static Pattern compile(String path, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ConfigNode.error(
                    path, "is not a valid regular expression: " + e.getDescription());
        }
    }

    public boolean matches(AlertView alert) {
        if (!sources.isEmpty() && !sources.contains(alert.source)) {
            return false;
        }
        Severity severity = alert.severityLevel();
        if (!severities.isEmpty() && !severities.contains(severity.name())) {
            return false;
        }
        if (minSeverity != null && severity.ordinal() > minSeverity.ordinal()) {
            return false;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!e.getValue().equals(alert.labels.get(e.getKey()))) {
                return false;
            }
        }
        if (!labelsRegex.isEmpty()) {
            for (Map.Entry<String, Pattern> e : labelPatterns().entrySet()) {
                String value = alert.labels.get(e.getKey());
                if (value == null || !e.getValue().matcher(value).matches()) {
                    return false;
                }
            }
        }
        if (entityRegex != null) {
            if (entityPattern == null) {
                entityPattern = Pattern.compile(entityRegex);
            }
            return alert.entity != null && entityPattern.matcher(alert.entity).matches();
        }
        return true;
    }

    private Map<String, Pattern> labelPatterns() {
        if (labelPatterns == null) {
            Map<String, Pattern> compiled = new LinkedHashMap<>();
            labelsRegex.forEach((k, v) -> compiled.put(k, Pattern.compile(v)));
            labelPatterns = compiled;
        }
        return labelPatterns;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        if (!sources.isEmpty()) {
            b.append("source=").append(sources).append(' ');
        }
        if (!severities.isEmpty()) {
            b.append("severity=").append(severities).append(' ');
        }
        if (minSeverity != null) {
            b.append("min_severity=").append(minSeverity).append(' ');
        }
        if (!labels.isEmpty()) {
            b.append("labels=").append(labels).append(' ');
        }
        if (!labelsRegex.isEmpty()) {
            b.append("labels_regex=").append(labelsRegex).append(' ');
        }
        if (entityRegex != null) {
            b.append("entity_regex=").append(entityRegex);
        }
        return b.toString().trim() + "}";
    }
}
