package dev.guardian.logs.template;

/** Lines of one template of one service in one event-time minute. A Flink POJO. */
public class TemplateCount {

    public String service;
    public String templateId;
    public String template;
    public long minuteStartMillis;
    public long count;

    public TemplateCount() {}

    @Override
    public String toString() {
        return service + " " + templateId + " @" + minuteStartMillis + " " + count;
    }
}
