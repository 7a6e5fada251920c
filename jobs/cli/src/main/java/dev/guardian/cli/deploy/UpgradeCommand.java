package dev.guardian.cli.deploy;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code guardian upgrade JOB}: stops the running job with a savepoint and starts the current build
 * from it. Every operator has a stable uid, so state maps onto the new topology; Flink refuses the
 * restore (and we report it) if some state would be dropped.
 */
public class UpgradeCommand implements Command {

    @Override
    public String verb() {
        return "upgrade";
    }

    @Override
    public String subject() {
        return "";
    }

    @Override
    public String summary() {
        return "stop a running job with a savepoint and start the new build from it";
    }

    @Override
    public String usage() {
        return "JOB [--cluster URL] [--savepoint-dir DIR] [--jar FILE] [--set key=value]..."
                + " [--config FILE] [--timeout 5m]";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positional().size() != 1) {
            throw new UsageException("name one job to upgrade: " + GuardianJob.names());
        }
        GuardianJob job = GuardianJob.named(args.positional().get(0));
        FlinkRestClient cluster = DeployOptions.cluster(args);
        Path jar = DeployOptions.jar(args);
        String savepointDir = args.string("savepoint-dir").orElse(null);
        List<String> jobArgs = DeployOptions.jobArgs(args);
        Duration timeout = args.duration("timeout", Duration.ofMinutes(5));
        args.rejectUnknown();

        FlinkRestClient.JobSummary running =
                Running.find(cluster, job)
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                job.flinkName()
                                                        + " is not running; use 'guardian submit "
                                                        + job.cliName()
                                                        + "'"));
        JobUpgrade.Result upgraded =
                new JobUpgrade(cluster, System.out::println)
                        .run(running.id(), jar, job.entryClass(), jobArgs, savepointDir, timeout);
        System.out.println("upgraded " + job.flinkName() + ": now job " + upgraded.jobId());
        return 0;
    }
}
