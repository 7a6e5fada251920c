package dev.guardian.logs.template;

import dev.guardian.logs.LogRecord;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Lines of one template of one service at one severity in one event-time minute (a template seldom
 * spans severities; keeping them apart gives volume by service and level from the same table). A
 * Flink POJO.
 */
public class TemplateCount {

    /** Service, template and severity: what one count counts. */
    public static final KeySelector<LogRecord, String> KEY =
            r -> r.service + '\n' + r.templateId + '\n' + r.severity;

    public String service;
    public String templateId;
    public String template;
    public String severity;
    public long minuteStartMillis;
    public long count;

    public TemplateCount() {}

    @Override
    public String toString() {
        return service + " " + templateId + " " + severity + " @" + minuteStartMillis + " " + count;
    }
}
