package dev.guardian.logs.eval;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.logs.template.LogTemplateMiner;
import dev.guardian.logs.template.TemplateMinerConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code guardian bench mine}: template mining throughput in lines per second of CPU time on one
 * thread (so per core), over the Loghub messages, in two regimes: {@code learning} starts every
 * system with an empty miner (every template is discovered again), {@code steady} keeps the miners
 * (the usual state of a long-running job).
 */
public final class MineBenchCommand implements Command {

    private final PrintStream out;

    public MineBenchCommand() {
        this(System.out);
    }

    MineBenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "mine";
    }

    @Override
    public String summary() {
        return "log template mining throughput, lines per second per core";
    }

    @Override
    public String usage() {
        return "[--data DIR] [--duration 5s of CPU per regime]   (Loghub *_2k.log_structured.csv)";
    }

    @Override
    public int run(Args args) throws Exception {
        Path dir =
                args.string("data").isPresent()
                        ? args.existingPath("data")
                        : SharedData.resolve("loghub");
        Duration duration = args.duration("duration", Duration.ofSeconds(5));
        args.rejectUnknown();
        if (duration.isZero() || duration.isNegative()) {
            throw new UsageException("--duration must be positive, got " + duration);
        }
        List<List<String>> systems = new ArrayList<>();
        long lines = 0;
        for (LoghubSystem system : LoghubSystem.findAll(dir)) {
            systems.add(system.contents());
            lines += system.contents().size();
        }
        TemplateMinerConfig config = TemplateMinerConfig.defaults();
        out.println(
                "bench mine: "
                        + lines
                        + " messages from "
                        + systems.size()
                        + " systems, "
                        + config);
        measure("warm-up", systems, config, false, Duration.ofSeconds(3), false);
        measure("warm-up", systems, config, true, Duration.ofSeconds(2), false);
        measure("learning", systems, config, false, duration, true);
        measure("steady", systems, config, true, duration, true);
        return 0;
    }

    private void measure(
            String regime,
            List<List<String>> systems,
            TemplateMinerConfig config,
            boolean keepMiners,
            Duration duration,
            boolean print) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<LogTemplateMiner> miners = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            miners.add(new LogTemplateMiner(config));
        }
        long lines = 0;
        long sink = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        // CPU time, not wall time: the machine may be shared, and warm-up must really run the code
        long deadline = cpuStart + duration.toNanos();
        while (threads.getCurrentThreadCpuTime() < deadline) {
            for (int s = 0; s < systems.size(); s++) {
                LogTemplateMiner miner = keepMiners ? miners.get(s) : new LogTemplateMiner(config);
                long time = 0;
                for (String message : systems.get(s)) {
                    sink += miner.mine(message, time++).parameters().size();
                }
                lines += systems.get(s).size();
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        if (print) {
            out.println(
                    String.format(
                            Locale.ROOT,
                            "mine %-8s %,.0f lines/s/core  (%,d lines, %.1f s CPU, %.1f s wall,"
                                    + " %d parameters)",
                            regime,
                            lines / cpuSeconds,
                            lines,
                            cpuSeconds,
                            wallSeconds,
                            sink));
        }
    }
}
