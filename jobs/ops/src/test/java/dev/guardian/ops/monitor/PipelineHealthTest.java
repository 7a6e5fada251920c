package dev.guardian.ops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.serde.RecordCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineHealthTest {

    static final long T0 = 1_800_000_000_000L;

    /** A sample of job "guardian-metrics" at {@code seconds} after T0. */
    static PipelineSample sample(
            long seconds, long lag, long failed, long lastCheckpointSecondsAgo) {
        long time = T0 + seconds * 1000;
        return new PipelineSample(
                "guardian-metrics",
                "abc123",
                "RUNNING",
                time,
                1_000,
                100,
                900,
                5,
                5,
                lag,
                lag,
                0,
                0,
                200,
                0,
                0,
                10,
                failed,
                time - lastCheckpointSecondsAgo * 1000,
                300,
                1_000,
                2_000,
                Map.of("Series anomaly detection", 1_500L));
    }

    final PipelineHealth health =
            new PipelineHealth(10_000, Duration.ofMinutes(1), Duration.ofMinutes(5));

    @Test
    void lagAboveTheThresholdAndGrowingFiresOnceThenResolves() {
        assertThat(health.observe(sample(0, 20_000, 0, 5))).isEmpty(); // no history yet
        assertThat(health.observe(sample(30, 25_000, 0, 5))).isEmpty(); // not a window ago yet
        List<PipelineHealth.Change> fired = health.observe(sample(60, 30_000, 0, 5));
        assertThat(fired)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.rule()).isEqualTo(PipelineHealth.Rule.FALLING_BEHIND);
                            assertThat(c.firing()).isTrue();
                            assertThat(c.why()).contains("30,000").contains("20,000");
                        });
        assertThat(health.observe(sample(70, 40_000, 0, 5)))
                .as("still firing: no repeat")
                .isEmpty();
        List<PipelineHealth.Change> resolved = health.observe(sample(80, 5_000, 0, 5));
        assertThat(resolved)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.firing()).isFalse();
                            assertThat(c.startedAt()).isEqualTo(T0 + 60_000);
                        });
    }

    @Test
    void highButShrinkingLagIsNotFallingBehind() {
        health.observe(sample(0, 90_000, 0, 5));
        assertThat(health.observe(sample(60, 50_000, 0, 5))).isEmpty();
        assertThat(health.observe(sample(120, 20_000, 0, 5))).isEmpty();
    }

    @Test
    void aFailedCheckpointFiresAndANewCompletedOneResolves() {
        assertThat(health.observe(sample(0, 0, 0, 5))).isEmpty();
        List<PipelineHealth.Change> fired = health.observe(sample(10, 0, 1, 15));
        assertThat(fired)
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.rule()).isEqualTo(PipelineHealth.Rule.CHECKPOINTS_FAILING);
                            assertThat(c.firing()).isTrue();
                        });
        assertThat(health.observe(sample(20, 0, 1, 2)))
                .singleElement()
                .satisfies(c -> assertThat(c.firing()).isFalse());
    }

    @Test
    void aStaleCheckpointFiresWhileTheJobRuns() {
        assertThat(health.observe(sample(0, 0, 0, 400)))
                .singleElement()
                .satisfies(c -> assertThat(c.why()).contains("no checkpoint completed for 400 s"));
    }

    @Test
    void changesBecomeAlertsTheRouterCanDecode() {
        health.observe(sample(0, 0, 0, 5));
        PipelineHealth.Change change = health.observe(sample(10, 0, 2, 15)).get(0);
        Alert alert = PipelineAlerts.alert(change, "http://flink:8081");
        assertThat(alert.getFingerprint())
                .isEqualTo("guardian-pipeline:guardian-metrics:checkpoints-failing");
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.getLabels()).containsEntry("component", "pipeline");
        assertThat(alert.getLinks().get(0).getHref()).contains("abc123");
        RecordCodec<Alert> codec = RecordCodec.of(Alert.class);
        assertThat(codec.decode(codec.encode(alert))).isEqualTo(alert);
    }
}
