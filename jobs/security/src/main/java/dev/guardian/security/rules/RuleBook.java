package dev.guardian.security.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The Sigma rules in force: those the job started with, overlaid by the {@link RuleUpdate}s kept in
 * broadcast state (checkpointed, so a restored job has the rules it had). Every operator that
 * compiles rules reads the same state.
 */
public final class RuleBook {

    /** Rule file name to YAML; an empty text removes a file the job started with. */
    public static final MapStateDescriptor<String, String> STATE =
            new MapStateDescriptor<>("sigma-rule-sources", Types.STRING, Types.STRING);

    private RuleBook() {}

    /** The initial rule texts with the broadcast updates applied. */
    public static Map<String, String> merge(
            Map<String, String> initial, Iterable<Map.Entry<String, String>> updates) {
        Map<String, String> merged = new LinkedHashMap<>(initial);
        if (updates != null) {
            for (Map.Entry<String, String> update : updates) {
                if (update.getValue() == null || update.getValue().isEmpty()) {
                    merged.remove(update.getKey());
                } else {
                    merged.put(update.getKey(), update.getValue());
                }
            }
        }
        return merged;
    }

    /**
     * Rule updates carry no event time: their stream declares itself idle and never emits a
     * watermark, so the operators it is connected to follow the events' watermark alone. (A stream
     * that reported the end of time instead would carry every operator it feeds to the end of time
     * as soon as the events go idle: all windows and timers would fire at once.)
     */
    public static WatermarkStrategy<RuleUpdate> watermarks() {
        return WatermarkStrategy.forGenerator(context -> new AlwaysIdle());
    }

    static final class AlwaysIdle implements WatermarkGenerator<RuleUpdate> {
        @Override
        public void onEvent(RuleUpdate event, long eventTimestamp, WatermarkOutput output) {
            output.markIdle();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
