package dev.guardian.logs.anomaly;

import static dev.guardian.logs.anomaly.DetectorHarness.MINUTE;
import static dev.guardian.logs.anomaly.DetectorHarness.line;
import static dev.guardian.logs.anomaly.DetectorHarness.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.logs.LogRecord;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NovelTemplateDetectorTest {

    private static final LogAnomalySettings SETTINGS =
            LogAnomalySettings.defaults()
                    .withLearningPeriod(Duration.ofMinutes(15))
                    .withIdleState(Duration.ofHours(1));

    private static LogRecord novel(long time, String severity, String template) {
        LogRecord r = line("checkout", time, severity, template);
        r.novelTemplate = true;
        return r;
    }

    @Test
    void aNewTemplateAtWarningOrAboveAfterTheLearningPeriodIsAnAnomaly() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new NovelTemplateDetector(SETTINGS))) {
            h.add(novel(minute(0), "ERROR", "started <*>"));
            h.add(novel(minute(20), "INFO", "cache warmed in <*>"));
            h.add(novel(minute(21), "ERROR", "payment gateway timeout after <*>"));
            h.add(line("checkout", minute(22), "ERROR", "payment gateway timeout after <*>"));

            assertThat(h.anomalies()).hasSize(1);
            Anomaly a = h.anomalies().get(0);
            assertThat(a.getDriver()).isEqualTo("payment gateway timeout after <*>");
            assertThat(a.getGrade()).isEqualTo(AnomalyGrade.HIGH);
            assertThat(a.getTime().toEpochMilli()).isEqualTo(minute(21));
            assertThat(a.getEvidence())
                    .containsEntry(
                            "example_1", "payment gateway timeout after <*> at " + minute(21));
            assertThat(a.getLinks().get("elasticsearch"))
                    .contains("service.name:\"checkout\"")
                    .contains("labels.template_id:");
            assertThat(a.getId()).hasSize(16);
        }
    }

    @Test
    void forgetsAServiceAfterItWasIdleLongEnough() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new NovelTemplateDetector(SETTINGS))) {
            h.add(novel(minute(0), "INFO", "started <*>"));
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(2);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);

            h.harness.processWatermark(minute(1) + Duration.ofHours(1).toMillis());

            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
            // back after the idle period: learning again, so no anomaly yet
            h.add(novel(minute(70), "ERROR", "disk <*> failed"));
            assertThat(h.anomalies()).isEmpty();
            assertThat(MINUTE).isPositive();
        }
    }
}
