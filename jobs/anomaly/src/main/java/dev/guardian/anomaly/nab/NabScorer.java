package dev.guardian.anomaly.nab;

import java.util.ArrayList;
import java.util.List;

/**
 * The Numenta Anomaly Benchmark v1.1 scoring rules (see {@code shared/data/EVAL.md}): probation,
 * scaled sigmoid, first detection per window, false positives weighted by their distance to the
 * preceding window, normalisation against the null and the perfect detector.
 */
public final class NabScorer {

    /** NAB caps the probationary period at 15% of 5000 rows. */
    static final double PROBATION_FRACTION = 0.15;

    static final int PROBATION_CAP_ROWS = 5000;

    private NabScorer() {}

    /** Row indices {@code [left, right]} of one window, both inclusive. */
    public record RowWindow(int left, int right) {
        public int width() {
            return right - left + 1;
        }
    }

    /** The score of one file under one profile. */
    public record FileScore(
            double raw,
            int windows,
            int detectedWindows,
            int falsePositives,
            double truePositiveScore,
            double falseNegativeScore,
            double falsePositiveScore) {}

    /** The first rows a detector may learn from but is not scored on. */
    public static int probationLength(int rows) {
        return (int) Math.min(Math.floor(PROBATION_FRACTION * rows), PROBATION_FRACTION * 5000);
    }

    /** {@code 2 / (1 + e^(5x)) - 1}, and -1 beyond x = 3, as NAB's {@code scaledSigmoid}. */
    public static double scaledSigmoid(double x) {
        if (x > 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * x)) - 1.0;
    }

    /**
     * Maps timestamp windows to row windows: from the first row at or after the start to the last
     * row at or before the end. Windows that hold no row are dropped.
     */
    public static List<RowWindow> rowWindows(long[] timestamps, List<NabWindows.Window> windows) {
        List<RowWindow> rows = new ArrayList<>();
        for (NabWindows.Window w : windows) {
            int left = 0;
            while (left < timestamps.length && timestamps[left] < w.startMillis()) {
                left++;
            }
            int right = timestamps.length - 1;
            while (right >= 0 && timestamps[right] > w.endMillis()) {
                right--;
            }
            if (left <= right) {
                rows.add(new RowWindow(left, right));
            }
        }
        return rows;
    }

    /** Scores anomaly scores (0..1) with a detection wherever {@code score >= threshold}. */
    public static FileScore score(
            double[] scores, List<RowWindow> windows, double threshold, NabProfile profile) {
        boolean[] detections = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            detections[i] = scores[i] >= threshold;
        }
        return score(detections, windows, profile);
    }

    /** Scores detections; {@code windows} must be sorted and must not overlap. */
    public static FileScore score(
            boolean[] detections, List<RowWindow> windows, NabProfile profile) {
        int rows = detections.length;
        int probation = probationLength(rows);
        double maxTruePositive = scaledSigmoid(-1.0);
        double[] best = new double[windows.size()];
        boolean[] detected = new boolean[windows.size()];
        double fpScore = 0;
        int falsePositives = 0;

        int next = 0;
        int current = -1;
        RowWindow previous = null;
        for (int i = 0; i < rows; i++) {
            if (current >= 0 && i > windows.get(current).right()) {
                previous = windows.get(current);
                current = -1;
            }
            if (current < 0 && next < windows.size() && i >= windows.get(next).left()) {
                current = next++;
            }
            if (i < probation || !detections[i]) {
                continue;
            }
            if (current >= 0) {
                if (!detected[current]) {
                    RowWindow w = windows.get(current);
                    double position = -(w.right() - i + 1.0) / w.width();
                    best[current] = scaledSigmoid(position) / maxTruePositive * profile.tpWeight();
                    detected[current] = true;
                }
            } else {
                double value;
                if (previous == null || previous.width() <= 1) {
                    value = -1.0;
                } else {
                    value =
                            scaledSigmoid(
                                    Math.abs(previous.right() - i) / (previous.width() - 1.0));
                }
                fpScore += value * profile.fpWeight();
                falsePositives++;
            }
        }
        double tpScore = 0;
        double fnScore = 0;
        int detectedWindows = 0;
        for (int w = 0; w < windows.size(); w++) {
            if (detected[w]) {
                tpScore += best[w];
                detectedWindows++;
            } else {
                fnScore -= profile.fnWeight();
            }
        }
        return new FileScore(
                tpScore + fnScore + fpScore,
                windows.size(),
                detectedWindows,
                falsePositives,
                tpScore,
                fnScore,
                fpScore);
    }

    /** {@code 100 * (raw - null) / (perfect - null)} over a set of files. */
    public static double normalised(double raw, int windows, NabProfile profile) {
        double perfect = windows * profile.tpWeight();
        double nullScore = -windows * profile.fnWeight();
        if (perfect == nullScore) {
            return 0.0;
        }
        return 100.0 * (raw - nullScore) / (perfect - nullScore);
    }
}
