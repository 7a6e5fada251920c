package dev.guardian.cli.deploy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code guardian submit JOB}: uploads the job jar to a Flink cluster and starts the job. */
public class SubmitCommand implements Command {

    @Override
    public String verb() {
        return "submit";
    }

    @Override
    public String subject() {
        return "";
    }

    @Override
    public String summary() {
        return "submit a job (" + GuardianJob.names() + ") to a Flink cluster via its REST API";
    }

    @Override
    public String usage() {
        return "JOB [--cluster URL] [--savepoint PATH] [--jar FILE] [--set key=value]..."
                + " [--config FILE] [--if-not-running]";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positional().size() != 1) {
            throw new UsageException("name one job to submit: " + GuardianJob.names());
        }
        GuardianJob job = GuardianJob.named(args.positional().get(0));
        FlinkRestClient cluster = DeployOptions.cluster(args);
        Path jar = DeployOptions.jar(args);
        String savepoint = args.string("savepoint").orElse(null);
        List<String> jobArgs = DeployOptions.jobArgs(args);
        boolean ifNotRunning = args.flag("if-not-running");
        args.rejectUnknown();

        Optional<FlinkRestClient.JobSummary> running = Running.find(cluster, job);
        if (running.isPresent()) {
            if (ifNotRunning) {
                System.out.println(job.flinkName() + " already running as " + running.get().id());
                return 0;
            }
            throw new UsageException(
                    job.flinkName()
                            + " is already running as "
                            + running.get().id()
                            + "; use 'guardian upgrade "
                            + job.cliName()
                            + "' to replace it");
        }
        String jarId = cluster.uploadJar(jar);
        String jobId = cluster.runJar(jarId, job.entryClass(), jobArgs, savepoint);
        System.out.println("submitted " + job.flinkName() + " as job " + jobId);
        return 0;
    }
}
