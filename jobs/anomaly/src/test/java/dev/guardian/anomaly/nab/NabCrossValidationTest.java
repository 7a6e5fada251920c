package dev.guardian.anomaly.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.guardian.anomaly.DetectorConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NabCrossValidationTest {

    private static final int ROWS = 1000;
    private static final List<NabScorer.RowWindow> WINDOW =
            List.of(new NabScorer.RowWindow(500, 599));

    /** A file whose raw score is {@code noise} everywhere but {@code peak} on the window's row. */
    private static NabEvaluation.FileResult file(String name, double noise, double peak) {
        double[] raw = new double[ROWS];
        Arrays.fill(raw, noise);
        raw[500] = peak;
        long[] learnt = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            learnt[i] = i + 1;
        }
        return new NabEvaluation.FileResult(name, ROWS, WINDOW, raw, raw, learnt, Map.of());
    }

    @Test
    void replayingRawScoresGivesTheScorersOwnAlertsUnderAnyThresholdWarmupAndCooldown()
            throws Exception {
        NabSeries series = spikySeries();
        List<NabWindows.Window> none = List.of();
        DetectorConfig first = DetectorConfig.DEFAULTS.toBuilder().threshold(0.4).build();
        DetectorConfig second =
                DetectorConfig.DEFAULTS.toBuilder()
                        .threshold(0.55)
                        .warmupPoints(700)
                        .cooldownPoints(30)
                        .build();
        NabEvaluation.FileResult a =
                new NabEvaluation(first, NabProfile.defaults()).evaluate(series, none, null);
        NabEvaluation.FileResult b =
                new NabEvaluation(second, NabProfile.defaults()).evaluate(series, none, null);

        boolean[] replayed = AlertReplay.detections(a.rawScores(), a.learntPoints(), 700, 0.55, 30);
        boolean[] actual = new boolean[series.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = b.scores()[i] >= 0.55;
        }
        assertThat(replayed).isEqualTo(actual);
        int alerts = 0;
        for (boolean d : actual) {
            alerts += d ? 1 : 0;
        }
        assertThat(alerts).isGreaterThan(3);
    }

    @Test
    void foldsAreStratifiedByCategoryBalancedAndRepeatable() {
        List<NabEvaluation.FileResult> files = new ArrayList<>();
        for (String category : List.of("a", "b", "c")) {
            for (int i = 0; i < 7; i++) {
                files.add(file(category + "/" + i + ".csv", 0, 0));
            }
        }
        int[] folds = NabCrossValidation.folds(files, 3, 7);
        assertThat(NabCrossValidation.folds(files, 3, 7)).isEqualTo(folds);
        int[] sizes = new int[3];
        for (int c = 0; c < 3; c++) {
            int[] perFold = new int[3];
            for (int i = 0; i < 7; i++) {
                perFold[folds[c * 7 + i]]++;
                sizes[folds[c * 7 + i]]++;
            }
            // seven files of a category over three folds: 2 or 3 in each
            assertThat(Arrays.stream(perFold).allMatch(n -> n == 2 || n == 3)).isTrue();
        }
        assertThat(sizes).containsExactly(7, 7, 7);
    }

    @Test
    void aThresholdThatFitsTheOtherFilesIsScoredOnTheFileItWasNotChosenOn() {
        // a and b want any threshold above 0.2; c is noisier and needs one above 0.3
        List<NabEvaluation.FileResult> files =
                List.of(
                        file("x/a.csv", 0.2, 0.8),
                        file("y/b.csv", 0.2, 0.8),
                        file("z/c.csv", 0.3, 0.45));
        NabCrossValidation.Result result =
                new NabCrossValidation(NabProfile.defaults()).run(files, 3, 1);

        // on every file, 0.31 detects each window on its first row and raises nothing else
        assertThat(result.inSampleChoice().threshold()).isEqualTo(0.31);
        assertThat(result.inSample().get("standard")).isCloseTo(100.0, within(1e-9));
        NabCrossValidation.Fold foldOfC =
                result.folds().stream()
                        .filter(f -> f.heldOut().equals(List.of("z/c.csv")))
                        .findFirst()
                        .orElseThrow();
        // chosen on a and b alone, the lowest perfect threshold, 0.30, floods c
        assertThat(foldOfC.choice().threshold()).isEqualTo(0.30);
        assertThat(foldOfC.heldOutScore().get("standard")).isLessThan(0.0);
        assertThat(result.heldOut().get("standard")).isLessThan(50.0);
    }

    @Test
    void leavingOneCategoryOutHoldsOutEveryFileOfTheCategoryTogether() {
        List<NabEvaluation.FileResult> files =
                List.of(
                        file("x/a.csv", 0.2, 0.8),
                        file("x/b.csv", 0.2, 0.8),
                        file("z/c.csv", 0.3, 0.45),
                        file("z/d.csv", 0.3, 0.45));
        NabCrossValidation.Result result =
                new NabCrossValidation(NabProfile.defaults()).runByCategory(files);

        assertThat(result.folds()).hasSize(2);
        assertThat(result.folds().get(0).heldOut()).containsExactly("x/a.csv", "x/b.csv");
        // chosen on z alone (0.31: z's noise is 0.30), x is perfect; chosen on x alone, z floods
        assertThat(result.folds().get(0).choice().threshold()).isEqualTo(0.31);
        assertThat(result.folds().get(0).heldOutScore().get("standard"))
                .isCloseTo(100.0, within(1e-9));
        assertThat(result.folds().get(1).heldOut()).containsExactly("z/c.csv", "z/d.csv");
        assertThat(result.folds().get(1).choice().threshold()).isEqualTo(0.30);
        assertThat(result.folds().get(1).heldOutScore().get("standard")).isLessThan(0.0);
        assertThat(result.inSample().get("standard")).isCloseTo(100.0, within(1e-9));
    }

    /** Noise with a spike every 300 points, at 5-minute steps. */
    private static NabSeries spikySeries() {
        Random random = new Random(3);
        int n = 3000;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_006_400_000L + i * 300_000L;
            v[i] = 50 + random.nextGaussian() + (i % 300 == 299 ? 25 : 0);
        }
        return new NabSeries("s/spiky.csv", t, v);
    }
}
