package dev.guardian.anomaly.cli;

import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import dev.guardian.anomaly.nab.NabCrossValidation;
import dev.guardian.anomaly.nab.NabEvaluation;
import dev.guardian.anomaly.nab.NabProfile;
import dev.guardian.anomaly.nab.NabScorer;
import dev.guardian.anomaly.nab.NabWindows;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code guardian eval nab --data DIR --windows FILE [--out DIR]}: the job's anomaly scorer with
 * the job's default configuration over every CSV under DIR, scored by the NAB rules. The last three
 * lines are the normalised scores of the standard, low-FP and low-FN profiles.
 */
public final class EvalNabCommand implements Command {

    private final PrintStream out;

    public EvalNabCommand() {
        this(System.out);
    }

    EvalNabCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "nab";
    }

    @Override
    public String summary() {
        return "score the metric anomaly detector on the Numenta Anomaly Benchmark";
    }

    @Override
    public String usage() {
        return "--data DIR --windows FILE [--out DIR] [--profiles FILE]"
                + " [--detector ensemble|window|...] [--threshold T] [--cross-validate K|categories [--seed S]]"
                + "   (--detector/--threshold are for experiments; the default is the job's;"
                + " --cross-validate K chooses threshold, warm-up and cool-down on k-1 folds of the files,"
                + " stratified by category, and reports the score on the held-out fold;"
                + " 'categories' holds out one NAB category at a time)";
    }

    @Override
    public int run(Args args) throws IOException {
        Path data = args.existingPath("data");
        if (!Files.isDirectory(data)) {
            throw new UsageException("--data " + data + " is not a directory");
        }
        Path windowsFile = args.existingPath("windows");
        if (!Files.isRegularFile(windowsFile)) {
            throw new UsageException("--windows " + windowsFile + " is not a file");
        }
        Path outDir =
                args.string("out")
                        .map(Path::of)
                        .orElse(
                                Path.of(System.getProperty("java.io.tmpdir"))
                                        .resolve("guardian-eval-nab"));
        List<NabProfile> profiles = profiles(args.string("profiles").map(Path::of), windowsFile);
        DetectorConfig.Builder builder = DetectorConfig.DEFAULTS.toBuilder();
        String detectorLabel = args.string("detector", DetectorConfig.DEFAULTS.detector().label());
        try {
            builder.detector(DetectorKind.parse(detectorLabel));
            builder.threshold(args.doubleValue("threshold", DetectorConfig.DEFAULTS.threshold()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String crossValidate = args.string("cross-validate", "0");
        boolean byCategory = crossValidate.equals("categories");
        int folds;
        try {
            folds = byCategory ? 0 : Integer.parseInt(crossValidate);
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--cross-validate takes a number of folds or 'categories': " + crossValidate);
        }
        long seed = args.longValue("seed", 1);
        args.rejectUnknown();
        if (folds < 0 || folds == 1) {
            throw new UsageException("--cross-validate must be 2 or more folds: " + folds);
        }
        DetectorConfig config = builder.build();

        NabWindows windows = NabWindows.read(windowsFile);
        List<String> files = NabEvaluation.dataFiles(data);
        if (files.isEmpty()) {
            throw new UsageException("--data " + data + " holds no .csv file");
        }
        long unlabelled = files.stream().filter(f -> windows.forFile(f).isEmpty()).count();
        if (unlabelled == files.size()) {
            throw new UsageException(
                    "--windows " + windowsFile + " names none of the files under " + data);
        }
        if (unlabelled > 0) {
            System.err.println(
                    "skipping " + unlabelled + " file(s) that " + windowsFile + " does not list");
        }

        NabEvaluation evaluation = new NabEvaluation(config, profiles);
        NabEvaluation.Report report = evaluation.run(data, files, windows, outDir);
        print(report, config, outDir);
        if (byCategory) {
            try {
                printCrossValidation(
                        new NabCrossValidation(profiles).runByCategory(report.files()),
                        "leave one category out");
            } catch (IllegalArgumentException e) {
                throw new UsageException("--cross-validate categories: " + e.getMessage());
            }
        } else if (folds != 0) {
            if (folds < 2 || folds > report.files().size()) {
                throw new UsageException(
                        "--cross-validate must be 2 to "
                                + report.files().size()
                                + " (the number of files): "
                                + folds);
            }
            printCrossValidation(
                    new NabCrossValidation(profiles).run(report.files(), folds, seed),
                    String.format(
                            Locale.ROOT,
                            "%d folds by file, stratified by category, seed %d",
                            folds,
                            seed));
        }
        return 0;
    }

    private void printCrossValidation(NabCrossValidation.Result cv, String protocol) {
        out.printf(
                Locale.ROOT,
                "cross-validation: %s; threshold, warm-up and cool-down chosen on the other folds%n",
                protocol);
        int i = 0;
        for (NabCrossValidation.Fold fold : cv.folds()) {
            out.printf(
                    Locale.ROOT,
                    "fold %d  files %2d  threshold %.2f  warmup %3d  cooldown %3d  train %s"
                            + "  held-out %s%s%n",
                    ++i,
                    fold.heldOut().size(),
                    fold.choice().threshold(),
                    fold.choice().warmupPoints(),
                    fold.choice().cooldownPoints(),
                    figures(fold.training()),
                    figures(fold.heldOutScore()),
                    fold.heldOut().stream().map(NabCrossValidation::category).distinct().count()
                                    == 1
                            ? "  (" + NabCrossValidation.category(fold.heldOut().get(0)) + ")"
                            : "");
        }
        out.printf(
                Locale.ROOT,
                "in-sample (threshold %.2f, warmup %d, cooldown %d chosen on every file) %s%n",
                cv.inSampleChoice().threshold(),
                cv.inSampleChoice().warmupPoints(),
                cv.inSampleChoice().cooldownPoints(),
                figures(cv.inSample()));
        for (Map.Entry<String, Double> e : cv.heldOut().entrySet()) {
            out.printf(Locale.ROOT, "NAB held-out %s %.2f%n", e.getKey(), e.getValue());
        }
    }

    private static String figures(Map<String, Double> scores) {
        StringBuilder s = new StringBuilder();
        for (double v : scores.values()) {
            s.append(s.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return s.toString();
    }

    private void print(NabEvaluation.Report report, DetectorConfig config, Path outDir) {
        String first = report.normalised().keySet().iterator().next();
        int detected = 0;
        int falsePositives = 0;
        long rows = 0;
        for (NabEvaluation.FileResult file : report.files()) {
            NabScorer.FileScore s = file.byProfile().get(first);
            detected += s.detectedWindows();
            falsePositives += s.falsePositives();
            rows += file.rows();
            out.printf(
                    Locale.ROOT,
                    "%-58s rows %6d  windows %d  detected %d  false_positives %3d  %s %7.3f%n",
                    file.name(),
                    file.rows(),
                    s.windows(),
                    s.detectedWindows(),
                    s.falsePositives(),
                    first,
                    s.raw());
        }
        out.printf(
                Locale.ROOT,
                "files %d  rows %d  windows %d  detected %d  false_positives %d%n",
                report.files().size(),
                rows,
                report.windows(),
                detected,
                falsePositives);
        out.println("config " + config);
        out.println("per-row scores under " + outDir.toAbsolutePath());
        for (Map.Entry<String, Double> e : report.normalised().entrySet()) {
            out.printf(Locale.ROOT, "NAB %s %.2f%n", e.getKey(), e.getValue());
        }
    }

    /** {@code --profiles}, else NAB's {@code profiles.json} beside the windows, else NAB's own. */
    static List<NabProfile> profiles(java.util.Optional<Path> option, Path windowsFile) {
        if (option.isPresent()) {
            if (!Files.isRegularFile(option.get())) {
                throw new UsageException("--profiles: no such file: " + option.get());
            }
            return NabProfile.read(option.get());
        }
        Path beside = windowsFile.toAbsolutePath().resolveSibling("profiles.json");
        return Files.isRegularFile(beside) ? NabProfile.read(beside) : NabProfile.defaults();
    }
}
