package dev.guardian.logs.anomaly;

import static dev.guardian.logs.anomaly.DetectorHarness.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.Anomaly;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemplateFrequencyDetectorTest {

    private static final LogAnomalySettings SETTINGS =
            LogAnomalySettings.defaults().withIdleState(Duration.ofHours(2));

    private static DetectorHarness harness() throws Exception {
        return new DetectorHarness(
                new TemplateFrequencyDetector(SETTINGS), TemplateFrequencyDetector.KEY);
    }

    @Test
    void aTemplateBurstIsAnAnomalyNamingTheTemplate() throws Exception {
        try (DetectorHarness h = harness()) {
            for (int n = 0; n < 15; n++) {
                h.lines(n, 5, "auth", "WARN", "login failed for <*>");
                h.endOfMinute(n);
            }
            h.lines(15, 80, "auth", "WARN", "login failed for <*>");
            h.endOfMinute(15);

            assertThat(h.anomalies()).hasSize(1);
            Anomaly a = h.anomalies().get(0);
            assertThat(a.getLabels()).containsEntry("direction", "burst");
            assertThat(a.getDriver()).isEqualTo("login failed for <*>");
            assertThat(a.getValue()).isEqualTo(80.0);
            assertThat(a.getExplanation()).contains("auth").contains("login failed for <*>");
        }
    }

    @Test
    void aFrequentTemplateThatStopsIsADropReportedOnce() throws Exception {
        try (DetectorHarness h = harness()) {
            for (int n = 0; n < 15; n++) {
                h.lines(n, 30, "orders", "INFO", "order <*> placed");
                h.lines(n, 1, "orders", "INFO", "heartbeat");
                h.endOfMinute(n);
            }
            for (int n = 15; n < 25; n++) {
                h.lines(n, 1, "orders", "INFO", "heartbeat"); // the other template goes on
                h.endOfMinute(n);
            }

            assertThat(h.anomalies()).hasSize(1);
            Anomaly drop = h.anomalies().get(0);
            assertThat(drop.getLabels()).containsEntry("direction", "drop");
            assertThat(drop.getTime().toEpochMilli()).isEqualTo(minute(16));
            assertThat(drop.getExpected()).isGreaterThan(20.0);
        }
    }

    @Test
    void theStateOfARareTemplateIsDroppedWhenIdle() throws Exception {
        try (DetectorHarness h = harness()) {
            h.lines(0, 1, "orders", "INFO", "config reloaded");
            h.endOfMinute(0);
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);

            h.endOfMinute(2 * 60 + 1);

            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
            assertThat(h.anomalies()).isEmpty();
        }
    }
}
