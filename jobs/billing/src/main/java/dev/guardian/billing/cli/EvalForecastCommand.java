package dev.guardian.billing.cli;

import dev.guardian.billing.eval.RollingOriginEvaluation;
import dev.guardian.billing.eval.RollingOriginEvaluation.Score;
import dev.guardian.billing.eval.Series;
import dev.guardian.billing.eval.SeriesFiles;
import dev.guardian.billing.forecast.CostForecaster;
import dev.guardian.billing.forecast.Forecasters;
import dev.guardian.billing.rollup.RollupCell;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code guardian eval forecast}: the rolling-origin forecast evaluation of {@code
 * shared/data/EVAL.md} over NAB-style series or FOCUS exports (one series per account × service),
 * with the statistical forecaster or a trained model. The last three lines are {@code MASE}, {@code
 * coverage80} and {@code coverage95}, pooled over every series.
 */
public final class EvalForecastCommand implements Command {

    private final PrintStream out;

    public EvalForecastCommand() {
        this(System.out);
    }

    EvalForecastCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "forecast";
    }

    @Override
    public String summary() {
        return "rolling-origin forecast accuracy (MASE vs seasonal naive, 80/95% coverage)";
    }

    @Override
    public String usage() {
        return "--data FILE... [--model DIR (default: the statistical forecaster)]"
                + " [--charge-categories Usage] [--series] (one line per series)";
    }

    @Override
    public int run(Args args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String f : args.strings("data")) {
            files.add(Path.of(f));
        }
        args.positional().forEach(f -> files.add(Path.of(f)));
        Optional<String> model = args.string("model");
        Set<String> categories = RollupCell.parseTagKeys(args.string("charge-categories", "Usage"));
        boolean perSeries = args.flag("series");
        args.rejectUnknown();
        if (files.isEmpty()) {
            throw new UsageException("no --data files");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException("--data: no such file: " + f);
            }
        }
        try (CostForecaster forecaster = Forecasters.load(model.map(Path::of))) {
            out.println(
                    "forecaster "
                            + forecaster.name()
                            + " "
                            + forecaster.version()
                            + "; rolling origin: 4 weeks of history, then every 24 h, 24 h ahead");
            RollingOriginEvaluation evaluation = new RollingOriginEvaluation(forecaster);
            Score total = new Score();
            for (Path file : files) {
                Score fileScore = new Score();
                List<Series> series = SeriesFiles.read(file, categories);
                for (Series s : series) {
                    Score score = evaluation.evaluate(s);
                    fileScore.add(score);
                    if (perSeries) {
                        out.println("  " + line(s.name, score));
                    }
                }
                out.println(
                        line(file.getFileName() + " (" + series.size() + " series)", fileScore));
                total.add(fileScore);
            }
            if (total.points == 0) {
                throw new UsageException(
                        "no series is long enough: the first origin needs four weeks of history"
                                + " and a day to forecast");
            }
            if (total.monthEndOrigins > 0) {
                out.println(format("monthEndAPE", total.monthEndApe()));
            }
            out.println(format("origins", total.origins));
            out.println(format("MASE", total.mase()));
            out.println(format("coverage80", total.coverage80()));
            out.println(format("coverage95", total.coverage95()));
        }
        return 0;
    }

    private static String line(String name, Score s) {
        return String.format(
                Locale.ROOT,
                "%-48s origins %4d  MASE %.3f  coverage80 %.3f  coverage95 %.3f%s",
                name,
                s.origins,
                s.mase(),
                s.coverage80(),
                s.coverage95(),
                s.monthEndOrigins > 0
                        ? String.format(Locale.ROOT, "  monthEndAPE %.3f", s.monthEndApe())
                        : "");
    }

    private static String format(String name, double value) {
        return name + " " + String.format(Locale.ROOT, "%.4f", value);
    }

    private static String format(String name, long value) {
        return name + " " + value;
    }
}
