package dev.guardian.ops.verify;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.ops.stack.LocalStack;
import dev.guardian.ops.stack.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code guardian verify failures}: each job through each failure scenario on the second local
 * stack ({@code .local-ops/}, ports + 10000), which it starts if needed and stops again. Never
 * touches the shared stack on the default ports.
 */
public final class VerifyFailuresCommand implements Command {

    private final PrintStream out;

    public VerifyFailuresCommand() {
        this(System.out);
    }

    VerifyFailuresCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "verify";
    }

    @Override
    public String subject() {
        return "failures";
    }

    @Override
    public String summary() {
        return "exactly-once under failure: TaskManager kill, sink outages, Kafka restart, fuzz"
                + " (on a second local stack)";
    }

    @Override
    public String usage() {
        return "[--events N (200000)] [--rate N events/s (2000)] [--scenario NAME]... ("
                + Scenario.names()
                + ") [--job NAME]... ("
                + VerifiedJobs.names()
                + ") [--outage D (60s)] [--fuzz N (100000)] [--fuzz-good N (20000)]"
                + " [--checkpoint-interval D (10s)] [--timeout D (10m)] [--seed S] [--jar FILE]"
                + " [--keep-stack] [--keep-data]";
    }

    @Override
    public int run(Args args) throws Exception {
        ScenarioRunner.Settings settings =
                new ScenarioRunner.Settings(
                        args.longValue("events", 200_000),
                        args.doubleValue("rate", 2_000),
                        args.duration("outage", Duration.ofSeconds(60)),
                        args.duration("checkpoint-interval", Duration.ofSeconds(10)),
                        args.duration("timeout", Duration.ofMinutes(10)),
                        args.longValue("fuzz", 100_000),
                        args.longValue("fuzz-good", 20_000),
                        args.longValue("seed", System.nanoTime()),
                        args.flag("keep-data"));
        List<Scenario> scenarios = new ArrayList<>();
        args.strings("scenario").forEach(s -> scenarios.add(Scenario.named(s)));
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of(Scenario.values()));
        }
        List<VerifiedJob> jobs = new ArrayList<>();
        args.strings("job").forEach(j -> jobs.add(VerifiedJobs.named(j)));
        if (jobs.isEmpty()) {
            jobs.addAll(VerifiedJobs.all());
        }
        Path root = LocalStack.findRoot(Path.of(""));
        Path jar =
                args.string("jar")
                        .map(Path::of)
                        .orElse(root.resolve("jobs/cli/target/guardian-jobs.jar"));
        boolean keepStack = args.flag("keep-stack");
        args.rejectUnknown();
        if (settings.events() < 1 || settings.eventsPerSecond() <= 0) {
            throw new UsageException("--events and --rate must be positive");
        }
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("no job jar at " + jar + " (./guardian build)");
        }
        List<ScenarioResult> results = run(root, jar, settings, jobs, scenarios, keepStack, out);
        ResultTable.printSummary(results, out);
        return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
    }

    /** Brings the second stack up if needed, runs every applicable scenario, stops the stack. */
    public static List<ScenarioResult> run(
            Path root,
            Path jar,
            ScenarioRunner.Settings settings,
            List<VerifiedJob> jobs,
            List<Scenario> scenarios,
            boolean keepStack,
            PrintStream out)
            throws IOException, InterruptedException {
        LocalStack stack = LocalStack.ops(root);
        boolean wasUp = stack.isUp();
        if (!wasUp) {
            out.println("starting the failure-test stack in " + stack.localDir() + " ...");
            stack.up();
        }
        // a copy: a rebuild while the run uploads must not hand Flink half a jar
        Path copy = JobJar.stableCopy(jar);
        JobJar jobJar = new JobJar(copy);
        ScenarioRunner runner = new ScenarioRunner(stack, jobJar, settings, out);
        List<ScenarioResult> results = new ArrayList<>();
        try {
            for (VerifiedJob job : jobs) {
                Set<Service> sinks = JobJar.sinks(jobJar.options(job.entryClass()));
                for (Scenario scenario : scenarios) {
                    if (!scenario.appliesTo(sinks)) {
                        out.printf(
                                "%n== %s: %s: not applicable (the job does not write to it)%n",
                                job.name(), scenario.cliName());
                        continue;
                    }
                    try {
                        results.add(runner.run(job, scenario));
                    } catch (IOException | RuntimeException e) {
                        out.println("  PROBLEM: " + e);
                        results.add(ScenarioResult.failed(job.name(), scenario, e.toString()));
                    }
                }
            }
        } finally {
            runner.close();
            jobJar.close();
            Files.deleteIfExists(copy);
            if (!wasUp && !keepStack) {
                out.println("stopping the failure-test stack");
                stack.down();
            }
        }
        return results;
    }
}
