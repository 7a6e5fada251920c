package dev.guardian.security.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a local job's task threads (operator chains, named {@code "... (1/1)#0"}, and the
 * Kafka source's fetcher), sampled while it runs: the steady cost of the dataflow, without the JIT
 * compiler, the mini cluster's own threads and whatever else the JVM does meanwhile. Threads that
 * end between two samples lose at most one interval.
 */
final class TaskCpuMeter implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 200;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> cpuByThread = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    TaskCpuMeter() {
        sampler = new Thread(this::loop, "task-cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    static boolean isTaskThread(String name) {
        return name.contains("(1/1)#") || name.startsWith("Source Data Fetcher");
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isTaskThread(info.getThreadName())) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    cpuByThread.merge(info.getThreadId(), cpu, Math::max);
                }
            }
        }
    }

    /** CPU seconds of the task threads seen so far. */
    synchronized double seconds() {
        return cpuByThread.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
