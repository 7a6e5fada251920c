package dev.guardian.logs.template;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Stamps a window's count with the window's minute. */
public class EmitTemplateCount
        extends ProcessWindowFunction<TemplateCount, TemplateCount, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(
            String key,
            Context context,
            Iterable<TemplateCount> counts,
            Collector<TemplateCount> out) {
        for (TemplateCount count : counts) {
            count.minuteStartMillis = context.window().getStart();
            out.collect(count);
        }
    }
}
