package dev.guardian.cli.deploy;

import dev.guardian.common.cli.UsageException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The jobs in the shaded jar: the name users type, the Flink job name, and the entry class. */
public enum GuardianJob {
    METRICS("metrics", "guardian-metrics", "dev.guardian.metrics.MetricsJobMain"),
    LOGS("logs", "guardian-logs", "dev.guardian.logs.LogsJobMain"),
    ALERTS("alerts", "guardian-alerts", "dev.guardian.alerts.AlertRouterJobMain"),
    BILLING("billing", "guardian-billing", "dev.guardian.billing.BillingJobMain"),
    SECURITY("security", "guardian-security", "dev.guardian.security.SecurityJobMain");

    private final String cliName;
    private final String flinkName;
    private final String entryClass;

    GuardianJob(String cliName, String flinkName, String entryClass) {
        this.cliName = cliName;
        this.flinkName = flinkName;
        this.entryClass = entryClass;
    }

    public String cliName() {
        return cliName;
    }

    public String flinkName() {
        return flinkName;
    }

    public String entryClass() {
        return entryClass;
    }

    public static GuardianJob named(String name) {
        for (GuardianJob job : values()) {
            if (job.cliName.equals(name) || job.flinkName.equals(name)) {
                return job;
            }
        }
        throw new UsageException("unknown job '" + name + "'; jobs: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(GuardianJob::cliName).collect(Collectors.joining(", "));
    }
}
