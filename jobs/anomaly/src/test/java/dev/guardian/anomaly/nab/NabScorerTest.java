package dev.guardian.anomaly.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {

    private static final List<NabScorer.RowWindow> TWO_WINDOWS =
            List.of(new NabScorer.RowWindow(400, 499), new NabScorer.RowWindow(800, 849));

    @Test
    void probationIsFifteenPercentCappedAtSevenHundredFifty() {
        assertThat(NabScorer.probationLength(20)).isEqualTo(3);
        assertThat(NabScorer.probationLength(4032)).isEqualTo(604);
        assertThat(NabScorer.probationLength(22695)).isEqualTo(750);
    }

    @Test
    void scaledSigmoidMatchesNab() {
        assertThat(NabScorer.scaledSigmoid(-1.0)).isCloseTo(0.9866142981514305, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(0.0)).isCloseTo(0.0, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(3.5)).isEqualTo(-1.0);
    }

    @Test
    void nullDetectorScoresZeroInEveryProfile() {
        boolean[] none = new boolean[1000];
        for (NabProfile profile : NabProfile.defaults()) {
            NabScorer.FileScore s = NabScorer.score(none, TWO_WINDOWS, profile);
            assertThat(s.raw()).isEqualTo(-2 * profile.fnWeight());
            assertThat(NabScorer.normalised(s.raw(), s.windows(), profile))
                    .isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void firingOnTheFirstRowOfEveryWindowScoresOneHundred() {
        boolean[] detections = new boolean[1000];
        for (NabScorer.RowWindow w : TWO_WINDOWS) {
            detections[w.left()] = true;
            // later detections in the same window neither add nor cost
            detections[w.right()] = true;
        }
        for (NabProfile profile : NabProfile.defaults()) {
            NabScorer.FileScore s = NabScorer.score(detections, TWO_WINDOWS, profile);
            assertThat(s.falsePositives()).isZero();
            assertThat(NabScorer.normalised(s.raw(), s.windows(), profile))
                    .isCloseTo(100.0, within(1e-9));
        }
    }

    @Test
    void handComputedSmallCase() {
        // 20 rows: rows 0-2 are probation; one window over rows 10-14 (width 5)
        List<NabScorer.RowWindow> window = List.of(new NabScorer.RowWindow(10, 14));
        boolean[] detections = new boolean[20];
        detections[2] = true; // probation: ignored
        detections[5] = true; // before any window: -1 * fpWeight
        detections[12] = true; // y = -(14 - 12 + 1) / 5 = -0.6: sigma(-0.6) / sigma(-1)
        detections[13] = true; // second detection in the window: ignored
        detections[17] = true; // y = |14 - 17| / (5 - 1) = 0.75: sigma(0.75) * fpWeight

        NabScorer.FileScore standard = NabScorer.score(detections, window, NabProfile.STANDARD);
        assertThat(standard.truePositiveScore()).isCloseTo(0.9174286804284079, within(1e-12));
        assertThat(standard.falsePositives()).isEqualTo(2);
        assertThat(standard.falsePositiveScore())
                .isCloseTo(-0.11 - 0.10494497861979436, within(1e-12));
        assertThat(standard.raw()).isCloseTo(0.7024837018086135, within(1e-12));

        NabScorer.FileScore lowFp =
                NabScorer.score(detections, window, NabProfile.REWARD_LOW_FP_RATE);
        assertThat(lowFp.raw()).isCloseTo(0.4875387231888192, within(1e-12));
        assertThat(NabScorer.normalised(standard.raw(), 1, NabProfile.STANDARD))
                .isCloseTo(100 * (0.7024837018086135 + 1) / 2, within(1e-9));
    }

    @Test
    void missedWindowCostsTheFalseNegativeWeight() {
        boolean[] detections = new boolean[1000];
        detections[TWO_WINDOWS.get(0).left()] = true;
        NabScorer.FileScore lowFn =
                NabScorer.score(detections, TWO_WINDOWS, NabProfile.REWARD_LOW_FN_RATE);
        assertThat(lowFn.raw()).isCloseTo(1.0 - 2.0, within(1e-12));
        assertThat(NabScorer.normalised(lowFn.raw(), 2, NabProfile.REWARD_LOW_FN_RATE))
                .isCloseTo(100 * (-1.0 + 4.0) / 6.0, within(1e-9));
    }

    @Test
    void timestampWindowsMapToTheRowsTheyCover() {
        long[] ts = {0, 10, 20, 30, 40, 50};
        List<NabScorer.RowWindow> rows =
                NabScorer.rowWindows(
                        ts, List.of(new NabWindows.Window(15, 40), new NabWindows.Window(41, 49)));
        assertThat(rows).containsExactly(new NabScorer.RowWindow(2, 4));
    }
}
