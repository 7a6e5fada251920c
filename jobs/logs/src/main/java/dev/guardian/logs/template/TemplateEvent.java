package dev.guardian.logs.template;

import java.util.Arrays;

/**
 * A change of a service's template set, for the templates table: a template was created, or it
 * absorbed others (whose ids are now its aliases). Counts per template per minute come from the
 * mined log records, not from here. A Flink POJO.
 */
public class TemplateEvent {

    public String service;
    public String templateId;
    public String template;

    /** One original message of the template (already redacted). */
    public String example;

    public long firstSeenMillis;

    /** Event time of the line that caused the change. */
    public long timeMillis;

    /** Lines of the template so far, including those of absorbed templates. */
    public long count;

    /** Ids of templates merged into this one by this change. */
    public String[] mergedIds = new String[0];

    /**
     * Set on the row of a template that was absorbed: the id now holding its lines (see {@code
     * ExpandTemplateMerges}); null for a live template.
     */
    public String mergedInto;

    public TemplateEvent() {}

    @Override
    public String toString() {
        return service
                + " "
                + templateId
                + " "
                + template
                + " count="
                + count
                + " merged="
                + Arrays.toString(mergedIds);
    }
}
