package dev.guardian.cli.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code guardian upgrade} does to a running job, apart from its command line (so the upgrade
 * test runs exactly this): upload the new jar, stop the job with a savepoint, start the new build
 * from that savepoint. The savepoint is taken without draining, so open windows (a half-filled
 * rollup minute) and detector models carry over instead of being flushed early; the restore does
 * not allow non-restored state, so a topology that would drop some operator's state is refused.
 */
public final class JobUpgrade {

    /** The savepoint the new job started from, and the new job's id. */
    public record Result(String savepoint, String jobId) {}

    private final FlinkRestClient cluster;
    private final Consumer<String> progress;

    public JobUpgrade(FlinkRestClient cluster, Consumer<String> progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /**
     * @param savepointDir where the savepoint goes; null for the cluster's default
     *     (execution.checkpointing.savepoint-dir)
     */
    public Result run(
            String runningJobId,
            Path jar,
            String entryClass,
            List<String> jobArgs,
            String savepointDir,
            Duration timeout)
            throws IOException, InterruptedException {
        // upload first: a jar the cluster rejects must not leave the job stopped
        String jarId = cluster.uploadJar(jar);
        progress.accept("stopping " + runningJobId + " with a savepoint...");
        String savepoint = cluster.stopWithSavepoint(runningJobId, savepointDir, timeout);
        progress.accept("savepoint " + savepoint);
        try {
            return new Result(savepoint, cluster.runJar(jarId, entryClass, jobArgs, savepoint));
        } catch (IOException e) {
            // the old job is stopped: say how to get it back
            throw new IOException(
                    e.getMessage()
                            + "; the old job is stopped, its state is in "
                            + savepoint
                            + " (resubmit the previous build with --savepoint "
                            + savepoint
                            + ")",
                    e);
        }
    }
}
