package dev.guardian.logs.template;

import java.util.List;

/**
 * What the miner says about one message: its template, the values of the template's variables in
 * this message, and whether the template was new or absorbed others on this message.
 */
public final class TemplateMatch {

    private final String templateId;
    private final String template;
    private final List<String> parameters;
    private final boolean newTemplate;
    private final List<String> mergedIds;

    TemplateMatch(
            String templateId,
            String template,
            List<String> parameters,
            boolean newTemplate,
            List<String> mergedIds) {
        this.templateId = templateId;
        this.template = template;
        this.parameters = parameters;
        this.newTemplate = newTemplate;
        this.mergedIds = mergedIds;
    }

    public String templateId() {
        return templateId;
    }

    public String template() {
        return template;
    }

    /** The original text at each wildcard of the template, in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** True when this message created its template (its first line, or a generalisation). */
    public boolean isNewTemplate() {
        return newTemplate;
    }

    /** Ids of templates merged into this one while mining this message (now aliases of it). */
    public List<String> mergedIds() {
        return mergedIds;
    }

    @Override
    public String toString() {
        return templateId + " " + template + " " + parameters;
    }
}
