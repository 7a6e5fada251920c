package dev.guardian.logs.template;

import dev.guardian.logs.LogRecord;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts lines in a window, remembering the latest template text (it can generalise). */
public class CountTemplateLines
        implements AggregateFunction<LogRecord, TemplateCount, TemplateCount> {

    private static final long serialVersionUID = 1L;

    @Override
    public TemplateCount createAccumulator() {
        return new TemplateCount();
    }

    @Override
    public TemplateCount add(LogRecord record, TemplateCount acc) {
        acc.service = record.service;
        acc.templateId = record.templateId;
        acc.template = record.template;
        acc.severity = record.severity;
        acc.count++;
        return acc;
    }

    @Override
    public TemplateCount getResult(TemplateCount acc) {
        return acc;
    }

    @Override
    public TemplateCount merge(TemplateCount a, TemplateCount b) {
        a.count += b.count;
        if (a.template == null) {
            a.service = b.service;
            a.templateId = b.templateId;
            a.template = b.template;
            a.severity = b.severity;
        }
        return a;
    }
}
