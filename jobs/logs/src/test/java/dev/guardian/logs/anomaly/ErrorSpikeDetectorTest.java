package dev.guardian.logs.anomaly;

import static dev.guardian.logs.anomaly.DetectorHarness.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.Anomaly;
import org.junit.jupiter.api.Test;

class ErrorSpikeDetectorTest {

    private static final LogAnomalySettings SETTINGS = LogAnomalySettings.defaults();

    private static void normalMinute(DetectorHarness h, int n) throws Exception {
        h.lines(n, 20, "api", "INFO", "GET <*> 200");
        h.lines(n, 2, "api", "ERROR", "upstream <*> reset");
        h.endOfMinute(n);
    }

    @Test
    void aBurstOfErrorsAfterAWarmBaselineIsOneAnomaly() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new ErrorSpikeDetector(SETTINGS))) {
            for (int n = 0; n < 15; n++) {
                normalMinute(h, n);
            }
            assertThat(h.anomalies()).isEmpty();

            h.lines(15, 20, "api", "INFO", "GET <*> 200");
            h.lines(15, 40, "api", "ERROR", "connection pool exhausted");
            h.endOfMinute(15);
            normalMinute(h, 16);

            assertThat(h.anomalies()).hasSize(1);
            Anomaly a = h.anomalies().get(0);
            assertThat(a.getTime().toEpochMilli()).isEqualTo(minute(15));
            assertThat(a.getValue()).isEqualTo(40.0);
            assertThat(a.getExpected()).isBetween(1.5, 2.5);
            assertThat(a.getEvidence()).containsKeys("example_1", "example_2", "example_3");
            assertThat(a.getEvidence().get("example_1")).startsWith("connection pool exhausted");
            assertThat(a.getLinks().get("elasticsearch")).contains("log.level:(ERROR OR FATAL)");
            assertThat(a.getScore()).isBetween(0.5, 1.0);
            // the history; minute buckets are gone once judged; one cleanup timer is pending
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void exampleLinesAreCutBeforeTheyReachStateOrTheAnomaly() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new ErrorSpikeDetector(SETTINGS))) {
            for (int n = 0; n < 15; n++) {
                normalMinute(h, n);
            }
            String huge = "stack trace " + "x".repeat(1_000_000);
            for (int i = 0; i < 40; i++) {
                h.add(dev.guardian.logs.LogRecord.of("api", minute(15) + i * 1000L, "ERROR", huge));
            }
            h.endOfMinute(15);

            Anomaly a = h.anomalies().get(0);
            assertThat(a.getEvidence().get("example_1"))
                    .hasSize(MinuteBucket.MAX_EXAMPLE_CHARS + 1)
                    .startsWith("stack trace xxx")
                    .endsWith("…");
        }
    }

    @Test
    void nothingWhileTheBaselineIsYoung() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new ErrorSpikeDetector(SETTINGS))) {
            normalMinute(h, 0);
            h.lines(1, 50, "api", "ERROR", "connection pool exhausted");
            h.endOfMinute(1);
            assertThat(h.anomalies()).isEmpty();
        }
    }

    @Test
    void ordinaryFluctuationIsNotASpike() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new ErrorSpikeDetector(SETTINGS))) {
            for (int n = 0; n < 60; n++) {
                h.lines(n, 10 + (n % 5) * 2, "api", "ERROR", "retrying <*>");
                h.endOfMinute(n);
            }
            assertThat(h.anomalies()).isEmpty();
        }
    }

    @Test
    void linesOfSeveralMinutesArrivingInterleavedCountInTheirOwnMinute() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new ErrorSpikeDetector(SETTINGS))) {
            for (int n = 0; n < 15; n++) {
                normalMinute(h, n);
            }
            // two upstream partitions: minute 16 lines arrive before some of minute 15
            for (int i = 0; i < 40; i++) {
                h.add(DetectorHarness.line("api", minute(15) + i, "ERROR", "pool exhausted"));
                if (i < 2) {
                    h.add(DetectorHarness.line("api", minute(16) + i, "ERROR", "pool exhausted"));
                }
            }
            h.endOfMinute(16);

            assertThat(h.anomalies())
                    .singleElement()
                    .satisfies(
                            a -> {
                                assertThat(a.getTime().toEpochMilli()).isEqualTo(minute(15));
                                assertThat(a.getValue()).isEqualTo(40.0);
                            });
        }
    }

    @Test
    void aLateLineCountsInTheFirstMinuteNotYetJudged() throws Exception {
        try (DetectorHarness h = DetectorHarness.byService(new ErrorSpikeDetector(SETTINGS))) {
            for (int n = 0; n < 15; n++) {
                normalMinute(h, n);
            }
            for (int i = 0; i < 40; i++) {
                h.add(DetectorHarness.line("api", minute(3) + i, "ERROR", "late replay"));
            }
            h.endOfMinute(15);

            assertThat(h.anomalies())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getTime().toEpochMilli()).isEqualTo(minute(15)));
        }
    }
}
