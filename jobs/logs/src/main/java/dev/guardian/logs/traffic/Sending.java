package dev.guardian.logs.traffic;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The sending loop's companions: Ctrl-C becomes a polite stop (the loop sees {@link
 * #stopRequested()}, flushes and prints its summary), and a progress line every few seconds.
 */
final class Sending implements AutoCloseable {

    private static final long GRACE_SECONDS = 15;
    private static final long REPORT_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final long startNanos = System.nanoTime();
    private long nextReport = startNanos + REPORT_NANOS;
    private volatile boolean stop;

    Sending(PrintStream out) {
        this.out = out;
        this.hook =
                new Thread(
                        () -> {
                            stop = true;
                            try {
                                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "guardian-logs-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean stopRequested() {
        return stop;
    }

    void maybeReport(long lines, long bad, int inFlight) {
        long now = System.nanoTime();
        if (now < nextReport) {
            return;
        }
        nextReport = now + REPORT_NANOS;
        double seconds = (now - startNanos) / 1e9;
        out.printf(
                "  [%4.0fs] %,d lines sent, %,d bad, %,.0f/s, %,d awaiting ack%n",
                seconds, lines, bad, (lines + bad) / seconds, inFlight);
        out.flush();
    }

    void summary(String what, long lines, long bad, long acknowledged) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        out.printf(
                "%s%s: %,d lines sent, %,d bad records sent, %,d acknowledged, %.1f s, %,.0f"
                        + " records/s%n",
                what,
                stop ? " (interrupted)" : "",
                lines,
                bad,
                acknowledged,
                seconds,
                (lines + bad) / seconds);
        out.flush();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and has just been released.
        }
    }
}
