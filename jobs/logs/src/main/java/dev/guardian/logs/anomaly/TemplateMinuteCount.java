package dev.guardian.logs.anomaly;

/** {@link MinuteCount} of one template, with what an anomaly needs to name it. A Flink POJO. */
public class TemplateMinuteCount extends MinuteCount {

    public String service;
    public String templateId;
    public String template;

    /** Pending state-cleanup timer, or {@link MinuteCount#NONE}. */
    public long cleanupTimer = NONE;

    public TemplateMinuteCount() {}
}
