package dev.guardian.ops.bench;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.kafka.KafkaOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * {@code guardian bench all}: every {@code guardian bench ...} command the modules register, each
 * in a JVM of its own (with a time limit), then one table: throughput per core, latency where
 * measured, and the ratio to a bare Kafka read-and-discard job measured at the start of the same
 * run.
 */
public final class BenchAllCommand implements Command {

    /**
     * Sizes for a run of all benchmarks that takes minutes rather than an hour; {@code --full} runs
     * each with its own defaults. Benchmarks not listed run with their defaults.
     */
    static final Map<String, List<String>> QUICK =
            Map.of(
                    "metrics", List.of("--events", "300000"),
                    "detect", List.of("--points", "300000"),
                    "mine", List.of("--duration", "3s"),
                    "sigma", List.of("--seconds", "3"),
                    "logs", List.of("--events", "100000"),
                    "security", List.of("--events", "100000"),
                    "latency", List.of("--duration", "60s"),
                    "security-latency", List.of("--duration", "30s", "--warmup", "5s"));

    private final PrintStream out;

    public BenchAllCommand() {
        this(System.out);
    }

    BenchAllCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "all";
    }

    @Override
    public String summary() {
        return "every benchmark, one table: events/s per core, p50/p99, ratio to a bare Kafka read";
    }

    @Override
    public String usage() {
        return "[--full] [--only NAME]... [--skip NAME]... [--timeout 15m per benchmark]"
                + " [--bare-events 1000000] [--bootstrap HOST:PORT] [--log-dir DIR]";
    }

    @Override
    public int run(Args args) throws Exception {
        boolean full = args.flag("full");
        List<String> only = args.strings("only");
        List<String> skip = args.strings("skip");
        Duration timeout = args.duration("timeout", Duration.ofMinutes(15));
        long bareEvents = args.longValue("bare-events", 1_000_000);
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        Path logDir = Path.of(args.string("log-dir", ".local/bench/all"));
        args.rejectUnknown();

        List<String> benches = new ArrayList<>();
        for (Command c : ServiceLoader.load(Command.class)) {
            if (c.verb().equals("bench") && !c.subject().isEmpty() && !c.subject().equals("all")) {
                if ((only.isEmpty() || only.contains(c.subject())) && !skip.contains(c.subject())) {
                    benches.add(c.subject());
                }
            }
        }
        benches.sort(null);
        out.println(
                "benchmarks: "
                        + String.join(", ", benches)
                        + (full ? " (full size)" : " (quick sizes; --full for each one's own)"));
        out.printf("bare Kafka read + discard, %,d records of 200 bytes...%n", bareEvents);
        double bare = BareKafkaBaseline.measure(bootstrap, bareEvents);
        out.printf("  %,.0f events/s/core%n", bare);

        Files.createDirectories(logDir);
        List<BenchResult> results = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String bench : benches) {
            List<String> benchArgs = full ? List.of() : QUICK.getOrDefault(bench, List.of());
            out.printf("%n== bench %s %s%n", bench, String.join(" ", benchArgs));
            Path log = logDir.resolve("bench-" + bench + ".log");
            int exit = runChild(bench, benchArgs, log, timeout);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            List<BenchResult> parsed = BenchOutput.parse(bench, output);
            parsed.forEach(
                    r ->
                            out.printf(
                                    Locale.ROOT,
                                    "  %-50s %,14.0f%n",
                                    r.measurement(),
                                    r.perCore()));
            if (exit != 0) {
                problems.put(bench, "exit " + exit + " (log: " + log + ")");
            } else if (parsed.isEmpty()) {
                problems.put(bench, "printed no throughput figure (log: " + log + ")");
            }
            results.addAll(parsed);
        }
        printTable(bare, results, problems);
        return problems.isEmpty() ? 0 : 1;
    }

    /** Runs {@code guardian bench NAME ARGS} in a JVM like this one, output to {@code log}. */
    private int runChild(String bench, List<String> benchArgs, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.guardian.cli.Launcher");
        command.add("bench");
        command.add(bench);
        command.addAll(benchArgs);
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        try (InputStream ignored = process.getInputStream()) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
        }
        return process.exitValue();
    }

    private void printTable(double bare, List<BenchResult> results, Map<String, String> problems) {
        out.println();
        out.printf(
                "%-8s %-52s %15s %11s %11s %9s%n",
                "bench", "measurement", "events/s/core", "p50", "p99", "vs bare");
        out.printf(
                Locale.ROOT,
                "%-8s %-52s %,15.0f %11s %11s %8.2fx%n",
                "(all)",
                "bare Kafka read + discard (this run)",
                bare,
                "-",
                "-",
                1.0);
        for (BenchResult r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-8s %-52s %15s %11s %11s %9s%n",
                    r.bench(),
                    truncate(r.measurement() + (r.wallClock() ? " (wall, per subtask)" : ""), 52),
                    Double.isNaN(r.perCore())
                            ? "-"
                            : String.format(Locale.ROOT, "%,.0f", r.perCore()),
                    latency(r.p50Micros()),
                    latency(r.p99Micros()),
                    Double.isNaN(r.perCore())
                            ? "-"
                            : String.format(Locale.ROOT, "%.2fx", r.perCore() / bare));
        }
        problems.forEach((bench, problem) -> out.println("bench " + bench + ": " + problem));
    }

    static String latency(double micros) {
        if (Double.isNaN(micros)) {
            return "-";
        }
        return micros >= 1_000
                ? String.format(Locale.ROOT, "%.1f ms", micros / 1_000)
                : String.format(Locale.ROOT, "%.1f us", micros);
    }

    static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
