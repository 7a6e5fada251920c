package dev.guardian.connectors.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes readings through, and throws once, at the first reading with id {@code >= failAt} seen
 * after a checkpoint completed, so the job restores from that checkpoint and replays what followed
 * it. {@code failAt < 0} never fails. The flag is static: the mini cluster runs in this JVM and the
 * restarted task must not fail again.
 */
public final class FailOnce extends RichMapFunction<Reading, Reading>
        implements CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private final long failAt;
    private transient boolean checkpointed;

    public FailOnce(long failAt) {
        this.failAt = failAt;
    }

    /** Arms the failure again for the next job. */
    public static void reset() {
        FAILED.set(false);
    }

    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public void open(OpenContext context) {
        checkpointed = false;
    }

    @Override
    public Reading map(Reading reading) {
        if (failAt >= 0
                && checkpointed
                && reading.id() >= failAt
                && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure at reading " + reading.id());
        }
        return reading;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
