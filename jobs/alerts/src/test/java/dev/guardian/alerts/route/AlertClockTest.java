package dev.guardian.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** The router's watermark: alert times while they flow, the clock once the input is idle. */
class AlertClockTest {

    static final class Collect implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    private static WatermarkGenerator<Long> generator(boolean wallClock, Duration idleAfter) {
        return new AlertClock<Long>(t -> t, Duration.ofSeconds(2), wallClock, idleAfter)
                .createWatermarkGenerator(null);
    }

    @Test
    void followsAlertTimesWhileAlertsFlowEvenIfTheyAreOld() {
        WatermarkGenerator<Long> g = generator(true, Duration.ofSeconds(5));
        Collect out = new Collect();
        g.onEvent(1_000_000L, 1_000_000L, out);
        g.onPeriodicEmit(out);
        // A backlog an hour old: the clock must not run ahead of it and fire its auto-resolves.
        assertThat(out.watermarks).containsExactly(1_000_000L - 2_000 - 1);
    }

    @Test
    void followsTheClockOnceTheInputIsIdle() throws Exception {
        WatermarkGenerator<Long> g = generator(true, Duration.ofMillis(50));
        Collect out = new Collect();
        g.onEvent(1_000_000L, 1_000_000L, out);
        Thread.sleep(80);
        long before = System.currentTimeMillis();
        g.onPeriodicEmit(out);
        assertThat(out.watermarks).hasSize(1);
        assertThat(out.watermarks.get(0)).isBetween(before - 2_050 - 100, before - 2_050 + 100);
    }

    @Test
    void withoutTheWallClockOnlyAlertsMoveIt() throws Exception {
        WatermarkGenerator<Long> g = generator(false, Duration.ZERO);
        Collect out = new Collect();
        g.onPeriodicEmit(out);
        g.onEvent(5_000L, 5_000L, out);
        g.onPeriodicEmit(out);
        g.onEvent(4_000L, 4_000L, out);
        g.onPeriodicEmit(out);
        assertThat(out.watermarks).containsExactly(2_999L);
    }
}
