package dev.guardian.security.sigma;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled single-event Sigma rule: its metadata and its detection, ready to test events.
 * Immutable and safe to share between threads.
 */
public final class SigmaRule {

    private final String id;
    private final String name;
    private final String title;
    private final String description;
    private final String status;
    private final String level;
    private final List<String> tags;
    private final Map<String, String> logsource;
    private final String source;
    private final int line;
    private final DetectionNode detection;

    SigmaRule(
            String id,
            String name,
            String title,
            String description,
            String status,
            String level,
            List<String> tags,
            Map<String, String> logsource,
            String source,
            int line,
            DetectionNode detection) {
        this.id = id;
        this.name = name;
        this.title = title;
        this.description = description;
        this.status = status;
        this.level = level;
        this.tags = List.copyOf(tags);
        this.logsource = Map.copyOf(logsource);
        this.source = source;
        this.line = line;
        this.detection = detection;
    }

    /** True when the event satisfies the rule's condition. */
    public boolean matches(SigmaEvent event) {
        return detection.test(event);
    }

    /** The rule's {@code id}, or its file and document when it has none. */
    public String id() {
        return id;
    }

    /** The {@code name} correlation rules refer to, or null. */
    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String status() {
        return status;
    }

    /** {@code informational}, {@code low}, {@code medium}, {@code high} or {@code critical}. */
    public String level() {
        return level;
    }

    /** Tags such as {@code attack.t1098} (ATT&CK technique) or {@code attack.persistence}. */
    public List<String> tags() {
        return tags;
    }

    /** {@code product}, {@code service}, {@code category} as written in the rule. */
    public Map<String, String> logsource() {
        return logsource;
    }

    /** The file the rule came from. */
    public String source() {
        return source;
    }

    /** The line its document starts at. */
    public int line() {
        return line;
    }

    Map<String, Set<String>> requiredValues() {
        return detection.requiredValues();
    }

    @Override
    public String toString() {
        return id + " (" + title + ")";
    }
}
