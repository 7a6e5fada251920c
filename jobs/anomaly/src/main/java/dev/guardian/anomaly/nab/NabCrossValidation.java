package dev.guardian.anomaly.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An honest estimate of how the detector scores on series it was not tuned on. The files are dealt
 * into k folds, stratified by NAB category (the file's top folder) with a fixed seed; for each fold
 * the alerting settings (threshold and cool-down) are chosen on the other folds only, and the
 * fold's files are scored with them. The held-out score pools those files' raw scores, so it is on
 * the same scale as a score over all files. The in-sample score, settings chosen on every file and
 * scored on the same files, is reported beside it: the gap between the two is the overfitting.
 *
 * <p>The settings are chosen by the mean normalised score over the profiles: the job has one
 * threshold for every profile.
 */
public final class NabCrossValidation {

    /** Thresholds tried: 0.30, 0.31, ..., 1.00. */
    static final double[] THRESHOLDS = thresholds(0.30, 1.00, 0.01);

    /** Cool-downs tried, in points. */
    static final int[] COOLDOWNS = {0, 25, 50, 100, 200, 400, 800};

    /**
     * Warm-ups tried, in points. NAB does not score the first 15% of a file (at most 750 rows), so
     * a longer warm-up looks free here; at one point a minute 600 points are ten hours of a new
     * series without alerts, which is why the candidates stop there.
     */
    static final int[] WARMUPS = {150, 300, 600};

    /** The alerting settings a fold chose. */
    public record Choice(double threshold, int warmupPoints, int cooldownPoints) {}

    /** One fold: its held-out files, the settings chosen without them and its scores. */
    public record Fold(
            List<String> heldOut,
            Choice choice,
            Map<String, Double> training,
            Map<String, Double> heldOutScore) {}

    /** The whole estimate. */
    public record Result(
            List<Fold> folds,
            Choice inSampleChoice,
            Map<String, Double> inSample,
            Map<String, Double> heldOut) {}

    private final List<NabProfile> profiles;

    public NabCrossValidation(List<NabProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** Splits {@code files} into {@code k} folds stratified by category, then scores them. */
    public Result run(List<NabEvaluation.FileResult> files, int k, long seed) {
        if (k < 2 || k > files.size()) {
            throw new IllegalArgumentException(
                    "cross-validation needs 2 to " + files.size() + " folds, not " + k);
        }
        return run(files, folds(files, k, seed), k);
    }

    /**
     * Leaves one category out at a time: the settings are chosen on the other kinds of series only,
     * the harder question of how the detector does on a kind it has never seen.
     */
    public Result runByCategory(List<NabEvaluation.FileResult> files) {
        Map<String, Integer> index = new TreeMap<>();
        for (NabEvaluation.FileResult file : files) {
            index.putIfAbsent(category(file.name()), 0);
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(k++);
        }
        if (k < 2) {
            throw new IllegalArgumentException(
                    "leaving one category out needs files of 2 categories or more");
        }
        int[] foldOf = new int[files.size()];
        for (int f = 0; f < files.size(); f++) {
            foldOf[f] = index.get(category(files.get(f).name()));
        }
        return run(files, foldOf, k);
    }

    private Result run(List<NabEvaluation.FileResult> files, int[] foldOf, int k) {
        // raw score of every file under every candidate setting and profile, computed once
        int candidates = THRESHOLDS.length * WARMUPS.length * COOLDOWNS.length;
        double[][][] raw = new double[candidates][files.size()][profiles.size()];
        for (int c = 0; c < candidates; c++) {
            Choice choice = candidate(c);
            for (int f = 0; f < files.size(); f++) {
                NabEvaluation.FileResult file = files.get(f);
                boolean[] detections =
                        AlertReplay.detections(
                                file.rawScores(),
                                file.learntPoints(),
                                choice.warmupPoints(),
                                choice.threshold(),
                                choice.cooldownPoints());
                for (int p = 0; p < profiles.size(); p++) {
                    raw[c][f][p] =
                            NabScorer.score(detections, file.windows(), profiles.get(p)).raw();
                }
            }
        }

        List<Fold> folds = new ArrayList<>();
        double[] heldOutRaw = new double[profiles.size()];
        for (int fold = 0; fold < k; fold++) {
            boolean[] train = new boolean[files.size()];
            boolean[] test = new boolean[files.size()];
            List<String> names = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                train[f] = foldOf[f] != fold;
                test[f] = !train[f];
                if (test[f]) {
                    names.add(files.get(f).name());
                }
            }
            int best = best(raw, files, train);
            for (int f = 0; f < files.size(); f++) {
                if (test[f]) {
                    for (int p = 0; p < profiles.size(); p++) {
                        heldOutRaw[p] += raw[best][f][p];
                    }
                }
            }
            folds.add(
                    new Fold(
                            names,
                            candidate(best),
                            normalised(raw[best], files, train),
                            normalised(raw[best], files, test)));
        }
        boolean[] all = new boolean[files.size()];
        java.util.Arrays.fill(all, true);
        int inSample = best(raw, files, all);
        Map<String, Double> heldOut = new LinkedHashMap<>();
        int windows = windows(files, all);
        for (int p = 0; p < profiles.size(); p++) {
            NabProfile profile = profiles.get(p);
            heldOut.put(profile.name(), NabScorer.normalised(heldOutRaw[p], windows, profile));
        }
        return new Result(
                folds, candidate(inSample), normalised(raw[inSample], files, all), heldOut);
    }

    /**
     * Fold of each file: within each category the files are shuffled with the seed and dealt in
     * turn, continuing where the previous category stopped, so folds differ in size by at most one.
     */
    static int[] folds(List<NabEvaluation.FileResult> files, int k, long seed) {
        Map<String, List<Integer>> byCategory = new TreeMap<>();
        for (int f = 0; f < files.size(); f++) {
            byCategory
                    .computeIfAbsent(category(files.get(f).name()), c -> new ArrayList<>())
                    .add(f);
        }
        Random random = new Random(seed);
        int[] foldOf = new int[files.size()];
        int next = 0;
        for (List<Integer> members : byCategory.values()) {
            java.util.Collections.shuffle(members, random);
            for (int f : members) {
                foldOf[f] = next++ % k;
            }
        }
        return foldOf;
    }

    /** NAB's category of a file: its top folder, e.g. {@code realKnownCause}. */
    public static String category(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The candidate with the best mean normalised score over the selected files. */
    private int best(double[][][] raw, List<NabEvaluation.FileResult> files, boolean[] selected) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < raw.length; c++) {
            double mean = 0;
            for (double v : normalised(raw[c], files, selected).values()) {
                mean += v / profiles.size();
            }
            if (mean > bestScore) {
                bestScore = mean;
                best = c;
            }
        }
        return best;
    }

    private Map<String, Double> normalised(
            double[][] rawByFile, List<NabEvaluation.FileResult> files, boolean[] selected) {
        Map<String, Double> scores = new LinkedHashMap<>();
        int windows = windows(files, selected);
        for (int p = 0; p < profiles.size(); p++) {
            double sum = 0;
            for (int f = 0; f < files.size(); f++) {
                if (selected[f]) {
                    sum += rawByFile[f][p];
                }
            }
            scores.put(profiles.get(p).name(), NabScorer.normalised(sum, windows, profiles.get(p)));
        }
        return scores;
    }

    private static int windows(List<NabEvaluation.FileResult> files, boolean[] selected) {
        int windows = 0;
        for (int f = 0; f < files.size(); f++) {
            if (selected[f]) {
                windows += files.get(f).windows().size();
            }
        }
        return windows;
    }

    private static Choice candidate(int c) {
        int perThreshold = WARMUPS.length * COOLDOWNS.length;
        return new Choice(
                THRESHOLDS[c / perThreshold],
                WARMUPS[c % perThreshold / COOLDOWNS.length],
                COOLDOWNS[c % COOLDOWNS.length]);
    }

    private static double[] thresholds(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.round((from + i * step) * 100.0) / 100.0;
        }
        return values;
    }
}
