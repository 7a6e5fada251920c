package dev.guardian.ops.monitor;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Link;
import dev.guardian.schemas.Source;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A health change as a Guardian {@link Alert} for {@code guardian.alerts}. */
public final class PipelineAlerts {

    private PipelineAlerts() {}

    /** Stable per job and rule: the router deduplicates and resolves by it. */
    public static String fingerprint(String job, PipelineHealth.Rule rule) {
        return "guardian-pipeline:" + job + ":" + rule.id();
    }

    public static Alert alert(PipelineHealth.Change change, String flinkUrl) {
        PipelineSample s = change.sample();
        boolean lag = change.rule() == PipelineHealth.Rule.FALLING_BEHIND;
        String title =
                change.firing()
                        ? (lag
                                ? s.job() + " is falling behind: " + change.why()
                                : s.job() + ": checkpoints failing: " + change.why())
                        : s.job() + ": " + (lag ? "caught up" : "checkpoints complete again");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("component", "pipeline");
        labels.put("team", "platform");
        labels.put("job", s.job());
        labels.put("rule", change.rule().id());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("consumer_lag", Long.toString(s.consumerLag()));
        evidence.put(
                "records_in_per_second",
                String.format(Locale.ROOT, "%.1f", s.recordsInPerSecond()));
        evidence.put("checkpoints_failed", Long.toString(s.checkpointsFailed()));
        evidence.put("checkpoints_completed", Long.toString(s.checkpointsCompleted()));
        evidence.put(
                "last_checkpoint_age_s",
                String.format(Locale.ROOT, "%.0f", s.lastCheckpointAgeSeconds()));
        evidence.put("restarts", Long.toString(s.restarts()));
        evidence.put("state", s.state());
        String summary =
                String.format(
                        Locale.ROOT,
                        "%s%nJob %s (%s) is %s: %,.0f records/s in, consumer lag %,d, %d"
                                + " checkpoints completed and %d failed, last one %.0f s ago,"
                                + " %d restarts.",
                        change.why(),
                        s.job(),
                        s.jobId(),
                        s.state(),
                        s.recordsInPerSecond(),
                        s.consumerLag(),
                        s.checkpointsCompleted(),
                        s.checkpointsFailed(),
                        s.lastCheckpointAgeSeconds(),
                        s.restarts());
        return Alert.newBuilder()
                .setFingerprint(fingerprint(s.job(), change.rule()))
                .setSource(source(s.job()))
                .setSeverity(lag ? AlertSeverity.WARNING : AlertSeverity.CRITICAL)
                .setStatus(change.firing() ? AlertStatus.FIRING : AlertStatus.RESOLVED)
                .setTitle(title.length() > 1024 ? title.substring(0, 1024) : title)
                .setSummary(summary)
                .setEntity(s.job())
                .setLabels(labels)
                .setLinks(
                        List.of(
                                Link.newBuilder()
                                        .setHref(
                                                flinkUrl
                                                        + "/#/job/running/"
                                                        + s.jobId()
                                                        + "/overview")
                                        .setText("Flink job " + s.job())
                                        .build()))
                .setEvidence(evidence)
                .setValue(lag ? (double) s.consumerLag() : (double) s.checkpointsFailed())
                .setExpected(null)
                .setStartsAt(Instant.ofEpochMilli(change.startedAt()))
                .setTime(Instant.ofEpochMilli(s.time()))
                .setRunbook(null)
                .setOriginId(null)
                .build();
    }

    /**
     * The stream a job reads, as the schema's {@link Source}; the alert router is about metrics.
     */
    static Source source(String job) {
        String j = job.toLowerCase(Locale.ROOT);
        if (j.contains("log")) {
            return Source.LOGS;
        }
        if (j.contains("billing")) {
            return Source.BILLING;
        }
        if (j.contains("security")) {
            return Source.SECURITY;
        }
        return Source.METRICS;
    }
}
