package dev.guardian.billing.cli;

import dev.guardian.billing.budget.Budgets;
import dev.guardian.billing.generate.BillingScenario;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.kafka.RawRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code guardian bench billing}: throughput of the whole billing workflow (decode, restatements,
 * hourly and daily rollups, per-key forecasts with anomaly detection, budgets) at parallelism 1 on
 * a local mini cluster, over generated FOCUS records held in memory as Avro (so Kafka is not what
 * is measured). "Per core" divides by the JVM's CPU time during the run, so a busy machine reports
 * work per CPU-second rather than the wall clock it happened to get.
 */
public final class BenchBillingCommand implements Command {

    private final PrintStream out;

    public BenchBillingCommand() {
        this(System.out);
    }

    BenchBillingCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "billing";
    }

    @Override
    public String summary() {
        return "billing job throughput per core with forecasting on (local mini cluster)";
    }

    @Override
    public String usage() {
        return "[--days N (14)] [--accounts N (6)] [--seed S (42)] [--model DIR]"
                + " [--budgets FILE] [--runs N (2); the first warms up]";
    }

    @Override
    public int run(Args args) throws Exception {
        int days = args.intValue("days", 14);
        int accounts = args.intValue("accounts", 6);
        long seed = args.longValue("seed", 42);
        Optional<String> model = args.string("model");
        Optional<String> budgetsFile = args.string("budgets");
        int runs = Math.max(1, args.intValue("runs", 2));
        args.rejectUnknown();
        Budgets budgets =
                budgetsFile.isPresent()
                        ? Budgets.read(java.nio.file.Path.of(budgetsFile.get()))
                        : Budgets.none();
        long end =
                Instant.parse("2026-03-02T00:00:00Z").truncatedTo(ChronoUnit.HOURS).toEpochMilli();
        long start = end - days * 86_400_000L;
        BillingScenario scenario =
                new BillingScenario(seed, accounts, start, end, List.of(), 0.01, true);
        List<RawRecord> input = ScenarioRun.encode(scenario);
        out.printf(
                "bench billing: %,d records (%d days, %d billing accounts), parallelism 1, forecaster"
                        + " %s%n",
                input.size(), days, accounts, model.map(m -> "model " + m).orElse("statistical"));
        ScenarioRun.Result last = null;
        for (int i = 1; i <= runs; i++) {
            last = ScenarioRun.run(input, ScenarioRun.configuration(model.orElse(null)), budgets);
            out.printf(
                    Locale.ROOT,
                    "run %d%s: %.1f s wall, %.1f s CPU, %,.0f records/s, %,.0f records/s/core,"
                            + " %,d forecasts, %,d anomalies%n",
                    i,
                    i == 1 && runs > 1 ? " (warm-up)" : "",
                    last.wallSeconds,
                    last.cpuSeconds,
                    last.records / last.wallSeconds,
                    last.records / last.cpuSeconds,
                    last.forecasts.size(),
                    last.anomalies.size());
        }
        out.printf(
                Locale.ROOT,
                "records/s/core %.0f%nforecasts/s/core %.0f%n",
                last.records / last.cpuSeconds,
                last.forecasts.size() / 2 / last.cpuSeconds);
        return 0;
    }
}
