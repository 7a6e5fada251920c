package dev.guardian.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import java.time.Instant;

/** {@code guardian jobs}: what runs on the cluster, with state size and checkpoint health. */
public class JobsCommand implements Command {

    @Override
    public String verb() {
        return "jobs";
    }

    @Override
    public String subject() {
        return "";
    }

    @Override
    public String summary() {
        return "list jobs on the Flink cluster with state size and checkpoint health";
    }

    @Override
    public String usage() {
        return "[--cluster URL] [--all]";
    }

    @Override
    public int run(Args args) throws Exception {
        FlinkRestClient cluster = DeployOptions.cluster(args);
        boolean all = args.flag("all");
        args.rejectUnknown();
        System.out.printf(
                "%-34s %-20s %-10s %10s %9s %8s %s%n",
                "JOB ID", "NAME", "STATE", "STATE SIZE", "CKPT OK", "FAILED", "LAST CHECKPOINT");
        for (FlinkRestClient.JobSummary job : cluster.jobs()) {
            boolean active =
                    !job.state().equals("FINISHED")
                            && !job.state().equals("CANCELED")
                            && !job.state().equals("FAILED");
            if (!active && !all) {
                continue;
            }
            JsonNode checkpoints = cluster.checkpoints(job.id());
            JsonNode counts = checkpoints.path("counts");
            JsonNode latest = checkpoints.path("latest").path("completed");
            String last =
                    latest.isMissingNode() || latest.isNull()
                            ? "none"
                            : Instant.ofEpochMilli(latest.path("latest_ack_timestamp").asLong())
                                    + " ("
                                    + latest.path("end_to_end_duration").asLong()
                                    + " ms)";
            System.out.printf(
                    "%-34s %-20s %-10s %10s %9d %8d %s%n",
                    job.id(),
                    job.name(),
                    job.state(),
                    bytes(
                            latest.path("state_size")
                                    .asLong(latest.path("checkpointed_size").asLong())),
                    counts.path("completed").asLong(),
                    counts.path("failed").asLong(),
                    last);
        }
        return 0;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format("%.1f MB", n / 1024.0 / 1024);
        }
        return String.format("%.2f GB", n / 1024.0 / 1024 / 1024);
    }
}
