package dev.guardian.security.rules;

import java.util.Objects;

/**
 * A change to the Sigma rules while the job runs: the new text of one rule file, or its removal
 * ({@code yaml} null or empty). Records of a rules topic or a watched directory. A Flink POJO.
 */
public class RuleUpdate {

    /** The rule file's name, e.g. {@code aws_cloudtrail_disable_logging.yml}. */
    public String source;

    /** Its YAML, or null/empty to remove it. */
    public String yaml;

    public RuleUpdate() {}

    public RuleUpdate(String source, String yaml) {
        this.source = source;
        this.yaml = yaml;
    }

    public static RuleUpdate removal(String source) {
        return new RuleUpdate(source, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleUpdate r
                && Objects.equals(r.source, source)
                && Objects.equals(r.yaml, yaml);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, yaml);
    }

    @Override
    public String toString() {
        return (yaml == null || yaml.isEmpty() ? "remove " : "update ") + source;
    }
}
