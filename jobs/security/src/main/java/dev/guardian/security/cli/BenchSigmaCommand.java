package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.sigma.SigmaEngine;
import dev.guardian.security.sigma.SigmaEvent;
import dev.guardian.security.sigma.SigmaRule;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.sigma.SigmaRuleSet;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code guardian bench sigma}: events per second on one core with every rule loaded, for parsing
 * plus matching (what the job does per record), matching alone, and trying every rule on every
 * event (what the index saves). A measurement, not a test: throughput is counted per CPU-second of
 * the measuring thread, so that other processes on a shared machine do not halve it.
 */
public final class BenchSigmaCommand implements Command {

    private final PrintStream out;

    public BenchSigmaCommand() {
        this(System.out);
    }

    BenchSigmaCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "sigma";
    }

    @Override
    public String summary() {
        return "Sigma engine throughput per core on synthetic CloudTrail, every rule loaded";
    }

    @Override
    public String usage() {
        return "[--rules DIR] [--events N (distinct records, default 50000)] [--seconds S (per"
                + " measurement, default 5)] [--seed N]";
    }

    @Override
    public int run(Args args) throws IOException {
        Path rules =
                args.string("rules").isPresent()
                        ? args.existingPath("rules")
                        : SharedData.resolve("security/sigma-cloudtrail");
        int count = args.intValue("events", 50_000);
        double seconds = args.doubleValue("seconds", 5);
        long seed = args.longValue("seed", 42);
        args.rejectUnknown();
        if (count < 1 || seconds <= 0) {
            throw new UsageException("--events and --seconds must be positive");
        }

        SigmaRuleSet set = new SigmaRuleLoader().load(rules);
        SigmaEngine engine = SigmaEngine.of(set.rules());
        out.println(set.summary());
        out.println("index: " + engine.indexSummary());
        List<byte[]> raw = SyntheticCloudTrail.generate(count, seed);
        long bytes = raw.stream().mapToLong(b -> b.length).sum();
        out.printf(
                "events: %d distinct synthetic records, %d bytes on average%n",
                count, bytes / count);
        CloudTrailRecords parser = new CloudTrailRecords();
        List<JsonNode> parsed = new ArrayList<>(count);
        for (byte[] b : raw) {
            parsed.addAll(parser.parse(b).records());
        }
        long matchedEvents = parsed.stream().filter(e -> !engine.match(e).isEmpty()).count();
        out.printf("events matched by a rule: %.2f%%%n", 100.0 * matchedEvents / count);

        measure(
                "parse + match",
                seconds,
                i -> {
                    for (JsonNode record : parser.parse(raw.get(i % count)).records()) {
                        return engine.match(record).size();
                    }
                    return 0;
                });
        measure("parse only   ", seconds, i -> parser.parse(raw.get(i % count)).records().size());
        measure("match only   ", seconds, i -> engine.match(parsed.get(i % count)).size());
        List<SigmaRule> all = set.rules();
        measure(
                "every rule, no index",
                seconds,
                i -> {
                    SigmaEvent event = SigmaEvent.of(parsed.get(i % count));
                    int n = 0;
                    for (SigmaRule rule : all) {
                        n += rule.matches(event) ? 1 : 0;
                    }
                    return n;
                });
        return 0;
    }

    private interface Step {
        int apply(int index);
    }

    private void measure(String name, double seconds, Step step) {
        long sink = 0;
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += step.apply(i++);
        }
        long[] latencies = new long[1 << 20];
        int sampled = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        long now = start;
        while (now < end) {
            for (int k = 0; k < 256; k++) {
                long t0 = System.nanoTime();
                sink += step.apply(i++);
                if (sampled < latencies.length && (k & 7) == 0) {
                    latencies[sampled++] = System.nanoTime() - t0;
                }
            }
            done += 256;
            now = System.nanoTime();
        }
        double elapsed = (now - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, sampled);
        Arrays.sort(sorted);
        out.printf(
                "%s: %,10.0f events per CPU-second (%,.0f per wall second, %.0f%% of a core)"
                        + "  latency p50 %.1f us  p99 %.1f us  (%d events, sink %d)%n",
                name,
                done / cpu,
                done / elapsed,
                100 * cpu / elapsed,
                sorted[sampled / 2] / 1e3,
                sorted[(int) (sampled * 0.99)] / 1e3,
                done,
                sink % 10);
    }
}
