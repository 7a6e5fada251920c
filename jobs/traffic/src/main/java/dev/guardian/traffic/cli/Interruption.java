package dev.guardian.traffic.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into a polite stop: the sending loop sees {@link #requested()}, flushes and prints
 * its summary before the JVM exits. Closed when the command ends, so a normal exit is not delayed.
 */
final class Interruption implements AutoCloseable {

    private static final long GRACE_SECONDS = 15;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    Interruption() {
        this.hook =
                new Thread(
                        () -> {
                            requested = true;
                            try {
                                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "guardian-traffic-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested;
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
