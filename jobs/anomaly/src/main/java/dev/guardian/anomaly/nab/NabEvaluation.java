package dev.guardian.anomaly.nab;

import dev.guardian.anomaly.AnomalyResult;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the job's per-series scorer over NAB data files and scores its detections. Each file is one
 * series fed point by point to a fresh {@link SeriesAnomalyScorer}, as the metrics job does per
 * key.
 */
public final class NabEvaluation {

    /** One data file: its per-row results and its score under each profile. */
    public record FileResult(
            String name,
            int rows,
            List<NabScorer.RowWindow> windows,
            double[] scores,
            double[] rawScores,
            long[] learntPoints,
            Map<String, NabScorer.FileScore> byProfile) {}

    /** All files and the normalised score per profile, in profile order. */
    public record Report(List<FileResult> files, Map<String, Double> normalised) {

        public int windows() {
            return files.stream().mapToInt(f -> f.windows().size()).sum();
        }
    }

    private final DetectorConfig config;
    private final List<NabProfile> profiles;

    public NabEvaluation(DetectorConfig config, List<NabProfile> profiles) {
        this.config = config;
        this.profiles = List.copyOf(profiles);
    }

    /** The data files under {@code dataDir}, as paths relative to it, sorted. */
    public static List<String> dataFiles(Path dataDir) throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .map(p -> dataDir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * Scores every file that {@code windows} lists; files it does not list are skipped.
     *
     * @param outDir where per-row scores go (one CSV per file, same relative path), or null
     */
    public Report run(Path dataDir, List<String> files, NabWindows windows, Path outDir) {
        List<FileResult> results =
                files.parallelStream()
                        .map(
                                name -> {
                                    Optional<List<NabWindows.Window>> fileWindows =
                                            windows.forFile(name);
                                    if (fileWindows.isEmpty()) {
                                        return null;
                                    }
                                    try {
                                        NabSeries series =
                                                NabSeries.read(dataDir.resolve(name), name);
                                        return evaluate(series, fileWindows.get(), outDir);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                })
                        .filter(r -> r != null)
                        .collect(Collectors.toList());
        return report(results);
    }

    /** Runs a fresh scorer over one series and scores it under every profile. */
    public FileResult evaluate(NabSeries series, List<NabWindows.Window> windows, Path outDir)
            throws IOException {
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(config);
        int n = series.size();
        AnomalyResult[] results = new AnomalyResult[n];
        double[] scores = new double[n];
        double[] rawScores = new double[n];
        long[] learntPoints = new long[n];
        for (int i = 0; i < n; i++) {
            long before = scorer.points();
            results[i] = scorer.feed(series.timestamps()[i], series.values()[i]);
            scores[i] = results[i].score();
            rawScores[i] = results[i].rawScore();
            // a point the scorer ignored (missing, out of order) can never alert: 0
            learntPoints[i] = scorer.points() > before ? scorer.points() : 0;
        }
        List<NabScorer.RowWindow> rowWindows = NabScorer.rowWindows(series.timestamps(), windows);
        Map<String, NabScorer.FileScore> byProfile = new LinkedHashMap<>();
        for (NabProfile profile : profiles) {
            byProfile.put(
                    profile.name(),
                    NabScorer.score(scores, rowWindows, config.threshold(), profile));
        }
        if (outDir != null) {
            write(outDir.resolve(series.name()), series, results, rowWindows);
        }
        return new FileResult(
                series.name(), n, rowWindows, scores, rawScores, learntPoints, byProfile);
    }

    private Report report(List<FileResult> results) {
        Map<String, Double> normalised = new LinkedHashMap<>();
        for (NabProfile profile : profiles) {
            double raw = 0;
            int windowCount = 0;
            for (FileResult r : results) {
                NabScorer.FileScore s = r.byProfile().get(profile.name());
                raw += s.raw();
                windowCount += s.windows();
            }
            normalised.put(profile.name(), NabScorer.normalised(raw, windowCount, profile));
        }
        return new Report(results, normalised);
    }

    private static void write(
            Path file, NabSeries series, AnomalyResult[] results, List<NabScorer.RowWindow> windows)
            throws IOException {
        Files.createDirectories(file.getParent());
        boolean[] label = new boolean[series.size()];
        for (NabScorer.RowWindow w : windows) {
            for (int i = w.left(); i <= w.right(); i++) {
                label[i] = true;
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(
                    "timestamp,value,anomaly_score,raw_score,expected,lower,upper,feature,status,alert,label\n");
            for (int i = 0; i < results.length; i++) {
                AnomalyResult r = results[i];
                out.write(NabSeries.formatTimestamp(series.timestamps()[i]));
                out.write(',');
                out.write(number(series.values()[i]));
                out.write(',');
                out.write(String.format(Locale.ROOT, "%.6f", r.score()));
                out.write(',');
                out.write(String.format(Locale.ROOT, "%.6f", r.rawScore()));
                out.write(',');
                out.write(number(r.expected()));
                out.write(',');
                out.write(number(r.lower()));
                out.write(',');
                out.write(number(r.upper()));
                out.write(',');
                out.write(r.feature());
                out.write(',');
                out.write(r.status().name());
                out.write(',');
                out.write(r.alert() ? '1' : '0');
                out.write(',');
                out.write(label[i] ? '1' : '0');
                out.write('\n');
            }
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Profile names in order, for printing. */
    public List<String> profileNames() {
        List<String> names = new ArrayList<>();
        for (NabProfile p : profiles) {
            names.add(p.name());
        }
        return names;
    }
}
