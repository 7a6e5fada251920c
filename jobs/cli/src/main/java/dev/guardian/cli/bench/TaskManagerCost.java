package dev.guardian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.cli.deploy.FlinkRestClient;
import java.util.Locale;

/**
 * What the job costs the TaskManager per point: its JVM CPU time against the points the anomaly
 * step took in, between two samples taken while traffic flows (Flink's REST metrics refresh every
 * few seconds, so the samples are a minute or more apart). On a shared machine this separates "the
 * job is slow" from "the job got little CPU".
 */
final class TaskManagerCost {

    private final FlinkRestClient cluster;
    private final String jobId;
    private volatile double cpuSeconds = Double.NaN;
    private volatile long points;
    private volatile double wallSeconds;

    TaskManagerCost(FlinkRestClient cluster, String jobId) {
        this.cluster = cluster;
        this.jobId = jobId;
    }

    /** Samples once the history has passed and again shortly before the traffic ends. */
    void sampleAfter(long fromMillis, long durationMillis) {
        try {
            long start = System.currentTimeMillis();
            Thread.sleep(fromMillis);
            double cpu0 = cpuSeconds();
            long points0 = pointsIn();
            long t0 = System.nanoTime();
            Thread.sleep(Math.max(1_000, durationMillis - fromMillis - 5_000));
            cpuSeconds = cpuSeconds() - cpu0;
            points = pointsIn() - points0;
            wallSeconds = (System.nanoTime() - t0) / 1e9;
        } catch (Exception e) {
            System.out.println("(no TaskManager cost: " + e.getMessage() + ")");
        }
    }

    void print() {
        if (Double.isNaN(cpuSeconds) || points <= 0) {
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "TaskManager CPU: %.1f s for %,d points in %.0f s = %.0f us per point (%,.0f"
                        + " points/s per core); it got %.2f cores on average%n",
                cpuSeconds,
                points,
                wallSeconds,
                cpuSeconds * 1e6 / points,
                points / cpuSeconds,
                cpuSeconds / wallSeconds);
    }

    private double cpuSeconds() throws Exception {
        double total = 0;
        for (JsonNode tm : cluster.get("taskmanagers").path("taskmanagers")) {
            JsonNode metrics =
                    cluster.get(
                            "taskmanagers/"
                                    + tm.path("id").asText()
                                    + "/metrics?get=Status.JVM.CPU.Time");
            total += metrics.path(0).path("value").asDouble() / 1e9;
        }
        return total;
    }

    private long pointsIn() throws Exception {
        for (JsonNode vertex : cluster.job(jobId).path("vertices")) {
            if (vertex.path("name").asText().startsWith("Series anomaly detection")) {
                JsonNode metrics =
                        cluster.get(
                                "jobs/"
                                        + jobId
                                        + "/vertices/"
                                        + vertex.path("id").asText()
                                        + "/subtasks/metrics?get=numRecordsIn");
                return (long) metrics.path(0).path("sum").asDouble();
            }
        }
        return 0;
    }
}
