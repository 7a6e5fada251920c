package dev.guardian.logs.anomaly;

import static dev.guardian.logs.anomaly.DetectorHarness.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.Anomaly;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SilentServiceDetectorTest {

    private static final LogAnomalySettings SETTINGS =
            LogAnomalySettings.defaults()
                    .withSilence(Duration.ofMinutes(5))
                    .withIdleState(Duration.ofHours(3));

    @Test
    void aServiceThatStopsLoggingIsSilentOnceWhileOthersGoOn() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new SilentServiceDetector(SETTINGS))) {
            for (int n = 0; n < 20; n++) {
                h.lines(n, 6, "billing", "INFO", "invoice <*> sent");
                h.lines(n, 6, "search", "INFO", "query took <*>");
                h.endOfMinute(n);
            }
            for (int n = 20; n < 40; n++) {
                h.lines(n, 6, "search", "INFO", "query took <*>");
                h.endOfMinute(n);
            }

            assertThat(h.anomalies()).hasSize(1);
            Anomaly a = h.anomalies().get(0);
            assertThat(a.getEntity()).isEqualTo("billing");
            assertThat(a.getExpected()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(a.getEvidence()).containsKey("last_line");
            assertThat(a.getExplanation()).contains("billing has logged nothing for");

            assertThat(h.harness.getSideOutput(SilentServiceDetector.RESUMED)).isNull();
            h.lines(40, 6, "billing", "INFO", "invoice <*> sent");
            h.endOfMinute(40);
            assertThat(h.anomalies()).hasSize(1);
            assertThat(h.harness.getSideOutput(SilentServiceDetector.RESUMED))
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.getValue().service).isEqualTo("billing");
                                assertThat(r.getValue().timeMillis).isEqualTo(minute(40));
                                assertThat(r.getValue().silentSinceMillis).isLessThan(minute(20));
                            });
        }
    }

    @Test
    void aServiceThatRarelyLogsIsNotExpectedToTalk() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new SilentServiceDetector(SETTINGS))) {
            for (int n = 0; n < 60; n++) {
                if (n % 10 == 0) {
                    h.lines(n, 1, "cron", "INFO", "job <*> ran");
                }
                h.lines(n, 6, "search", "INFO", "query took <*>");
                h.endOfMinute(n);
            }
            assertThat(h.anomalies()).isEmpty();
        }
    }

    @Test
    void theStateOfAGoneServiceIsDropped() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new SilentServiceDetector(SETTINGS))) {
            h.lines(0, 3, "batch", "INFO", "step <*> done");
            h.endOfMinute(0);
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);

            h.harness.processWatermark(minute(0) + Duration.ofHours(4).toMillis());

            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }
}
