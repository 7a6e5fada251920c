package dev.guardian.cli.deploy;

import java.io.IOException;
import java.util.Optional;

/** Finds the running (or starting) instance of a Guardian job on a cluster. */
final class Running {

    private Running() {}

    static Optional<FlinkRestClient.JobSummary> find(FlinkRestClient cluster, GuardianJob job)
            throws IOException, InterruptedException {
        return cluster.jobs().stream()
                .filter(j -> j.name().equals(job.flinkName()))
                .filter(
                        j ->
                                !j.state().equals("FINISHED")
                                        && !j.state().equals("CANCELED")
                                        && !j.state().equals("FAILED"))
                .findFirst();
    }
}
