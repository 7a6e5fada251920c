package dev.guardian.billing.cli;

import dev.guardian.billing.eval.ClickHouseHistory;
import dev.guardian.billing.eval.Series;
import dev.guardian.billing.eval.SeriesFiles;
import dev.guardian.billing.model.CostModelTrainer;
import dev.guardian.billing.model.ModelDirectory;
import dev.guardian.billing.rollup.RollupCell;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code guardian train cost}: trains the cost model (DJL, PyTorch engine, offline) on hourly cost
 * per billing account × service, from the job's ClickHouse records or from FOCUS CSV files, and
 * writes a new version under {@code --out} (see {@link ModelDirectory}).
 */
public final class TrainCostCommand implements Command {

    private final PrintStream out;

    public TrainCostCommand() {
        this(System.out);
    }

    TrainCostCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "train";
    }

    @Override
    public String subject() {
        return "cost";
    }

    @Override
    public String summary() {
        return "train the DJL cost forecasting model from ClickHouse or FOCUS files";
    }

    @Override
    public String usage() {
        return "--from clickhouse|FILE... --out DIR [--days N (90, clickhouse)]"
                + " [--clickhouse-url URL (http://127.0.0.1:8123)] [--database guardian]"
                + " [--epochs N (40)] [--hidden N (128)] [--stride-hours N (3)]"
                + " [--charge-categories Usage] [--seed S (42)]";
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> from = new ArrayList<>(args.strings("from"));
        Path outDir = Path.of(args.requireString("out"));
        int days = args.intValue("days", 90);
        String url = args.string("clickhouse-url", ClickHouseOptions.URL.defaultValue());
        String database = args.string("database", ClickHouseOptions.DATABASE.defaultValue());
        CostModelTrainer.Settings settings = new CostModelTrainer.Settings();
        settings.epochs = args.intValue("epochs", settings.epochs);
        settings.hidden = args.intValue("hidden", settings.hidden);
        settings.strideHours = args.intValue("stride-hours", settings.strideHours);
        settings.seed = args.longValue("seed", settings.seed);
        Set<String> categories = RollupCell.parseTagKeys(args.string("charge-categories", "Usage"));
        args.rejectUnknown();
        from.addAll(args.positional());
        if (from.isEmpty()) {
            throw new UsageException("--from clickhouse or --from FILE... is required");
        }
        if (settings.epochs < 1 || settings.hidden < 1 || settings.strideHours < 1) {
            throw new UsageException("--epochs, --hidden and --stride-hours must be positive");
        }
        List<Series> series = new ArrayList<>();
        String source;
        if (from.size() == 1 && from.get(0).equals("clickhouse")) {
            source = url + " " + database + ".billing_records, last " + days + " days";
            series.addAll(ClickHouseHistory.load(url, database, days, categories));
        } else {
            source = String.join(", ", from);
            for (String f : from) {
                Path file = Path.of(f);
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("--from: no such file: " + file);
                }
                series.addAll(SeriesFiles.read(file, categories));
            }
        }
        out.printf("%d series of hourly cost from %s%n", series.size(), source);
        Path version;
        try {
            version = new CostModelTrainer(settings, out).train(series, source, outDir);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.printf(
                "model written to %s (%s now names it); run the job with"
                        + " --guardian.billing.model-dir %s%n",
                version, outDir.resolve(ModelDirectory.LATEST), outDir.toAbsolutePath());
        return 0;
    }
}
