package dev.guardian.ops.verify;

import dev.guardian.ops.http.FlinkRest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls a running job every half second and notes when it has recovered from a fault: every task
 * running again and a checkpoint completed after the fault ended (so its outputs move again).
 */
final class JobWatch implements AutoCloseable {

    private final FlinkRest flink;
    private final String jobId;
    private final Thread thread;
    private final AtomicLong faultEndedAt = new AtomicLong(0);
    private final AtomicLong recoveredAt = new AtomicLong(0);
    private volatile String lastState = "";
    private volatile boolean sawNotRunning;

    JobWatch(FlinkRest flink, String jobId) {
        this.flink = flink;
        this.jobId = jobId;
        this.thread = new Thread(this::watch, "guardian-verify-watch-" + jobId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The fault is over (the service is back, a new TaskManager joined) at this wall time. */
    void faultEnded(long epochMillis) {
        faultEndedAt.set(epochMillis);
    }

    /** When the job had recovered, in epoch ms; 0 if not (yet). */
    long recoveredAt() {
        return recoveredAt.get();
    }

    /** The job left RUNNING at least once while watched. */
    boolean sawNotRunning() {
        return sawNotRunning;
    }

    String lastState() {
        return lastState;
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                boolean running = flink.fullyRunning(jobId);
                lastState = flink.state(jobId);
                if (!running) {
                    sawNotRunning = true;
                }
                long ended = faultEndedAt.get();
                if (ended > 0 && recoveredAt.get() == 0 && running) {
                    FlinkRest.Checkpoints checkpoints = flink.checkpoints(jobId);
                    if (checkpoints.lastCompletedAt() > ended) {
                        recoveredAt.set(checkpoints.lastCompletedAt());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the JobManager may be busy restarting the job: try again
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
