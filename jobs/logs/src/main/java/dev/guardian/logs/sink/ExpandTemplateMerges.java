package dev.guardian.logs.sink;

import dev.guardian.logs.template.TemplateEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * A template change, plus one row per template it absorbed saying where that template's lines now
 * are ({@link TemplateEvent#mergedInto}), so the templates table resolves old ids to live ones.
 */
public class ExpandTemplateMerges implements FlatMapFunction<TemplateEvent, TemplateEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(TemplateEvent event, Collector<TemplateEvent> out) {
        out.collect(event);
        for (String merged : event.mergedIds) {
            if (merged.equals(event.templateId)) {
                continue;
            }
            TemplateEvent absorbed = new TemplateEvent();
            absorbed.service = event.service;
            absorbed.templateId = merged;
            absorbed.template = event.template;
            absorbed.example = event.example;
            absorbed.firstSeenMillis = event.firstSeenMillis;
            absorbed.timeMillis = event.timeMillis;
            absorbed.count = 0;
            absorbed.mergedInto = event.templateId;
            out.collect(absorbed);
        }
    }
}
