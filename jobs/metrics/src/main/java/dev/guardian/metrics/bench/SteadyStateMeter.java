package dev.guardian.metrics.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process's CPU and wall time between two counts of events through a job: from the end of a
 * warm-up share of the input (mini cluster started, hot path compiled by the JIT) to shortly before
 * the end (so the bounded input's final flush is left out too). What is left is the job's steady
 * cost per event, which a long-running job pays; the whole-run figure is printed beside it.
 *
 * <p>Process CPU, not the task threads': garbage collection, the Kafka fetcher and the network
 * stack are part of what an event costs. In-JVM only: the benchmark runs a local mini cluster.
 */
final class SteadyStateMeter {

    /** Events before the window starts: the JIT has compiled the hot path well before this. */
    static final double WARM_UP_SHARE = 0.3;

    /** Events when the window ends, before the bounded input's last watermark flushes state. */
    static final double END_SHARE = 0.95;

    private static final AtomicLong COUNT = new AtomicLong();
    private static volatile long startAt;
    private static volatile long endAt;
    private static volatile long cpuStart;
    private static volatile long wallStart;
    private static volatile long cpuEnd;
    private static volatile long wallEnd;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SteadyStateMeter() {}

    /** Arms the meter for a run over {@code events} events. */
    static void reset(long events) {
        COUNT.set(0);
        startAt = Math.max(1, (long) (events * WARM_UP_SHARE));
        endAt = Math.max(startAt + 1, (long) (events * END_SHARE));
        cpuStart = cpuEnd = wallStart = wallEnd = -1;
    }

    /** Counts one event; called by the task thread that sees every input event once. */
    static void tick() {
        long n = COUNT.incrementAndGet();
        if (n == startAt) {
            wallStart = System.nanoTime();
            cpuStart = OS.getProcessCpuTime();
        } else if (n == endAt) {
            cpuEnd = OS.getProcessCpuTime();
            wallEnd = System.nanoTime();
        }
    }

    static long count() {
        return COUNT.get();
    }

    /** The window's figures, or null if the run did not pass both of its ends. */
    static Window window() {
        if (cpuStart < 0 || cpuEnd < 0) {
            return null;
        }
        return new Window(endAt - startAt, (wallEnd - wallStart) / 1e9, (cpuEnd - cpuStart) / 1e9);
    }

    record Window(long events, double wallSeconds, double cpuSeconds) {
        double perCore() {
            return events / cpuSeconds;
        }

        /** Share of a core the process got in the window: below 1 on a busy machine. */
        double cores() {
            return cpuSeconds / wallSeconds;
        }
    }
}
