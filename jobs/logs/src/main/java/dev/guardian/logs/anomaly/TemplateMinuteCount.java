package dev.guardian.logs.anomaly;

/** {@link MinuteHistory} of one template, with what an anomaly needs to name it. A Flink POJO. */
public class TemplateMinuteCount extends MinuteHistory {

    public String service;
    public String templateId;
    public String template;

    public TemplateMinuteCount() {}
}
