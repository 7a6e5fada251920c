package dev.guardian.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    /** Records what a generator tells its output. */
    static final class Recorder implements WatermarkOutput {
        final List<String> calls = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            calls.add("watermark " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            calls.add("idle");
        }

        @Override
        public void markActive() {
            calls.add("active");
        }
    }

    @Test
    void theRulesStreamIsAlwaysIdleAndNeverMovesEventTime() {
        WatermarkGenerator<RuleUpdate> generator =
                RuleBook.watermarks().createWatermarkGenerator(null);
        Recorder out = new Recorder();
        generator.onPeriodicEmit(out);
        generator.onEvent(new RuleUpdate("a.yml", "title: a"), Long.MIN_VALUE, out);
        generator.onPeriodicEmit(out);
        assertThat(out.calls).containsOnly("idle");
    }

    @Test
    void updatesOverlayTheStartingRulesAndAnEmptyTextRemovesOne() {
        Map<String, String> merged =
                RuleBook.merge(
                        Map.of("a.yml", "A", "b.yml", "B"),
                        List.of(
                                Map.entry("a.yml", "A2"),
                                Map.entry("b.yml", ""),
                                Map.entry("c.yml", "C")));
        assertThat(merged).containsOnly(Map.entry("a.yml", "A2"), Map.entry("c.yml", "C"));
    }
}
