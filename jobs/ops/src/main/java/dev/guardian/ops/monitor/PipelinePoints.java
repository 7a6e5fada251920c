package dev.guardian.ops.monitor;

import dev.guardian.ops.reporter.InfluxLineProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample as InfluxDB points of measurement {@code guardian_pipeline}: one point per metric,
 * tagged {@code job}, {@code metric} and {@code source=monitor} (and {@code vertex} for state
 * sizes), field {@code value}. The Flink reporter plugin writes the same measurement with {@code
 * source=reporter} and Flink's own metric names; these names are the pipeline-level ones the
 * dashboard reads.
 */
public final class PipelinePoints {

    public static final String MEASUREMENT = "guardian_pipeline";

    private PipelinePoints() {}

    public static List<String> lines(PipelineSample s) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("records_in", s.recordsIn());
        metrics.put("records_in_per_second", s.recordsInPerSecond());
        metrics.put("records_out", s.recordsOut());
        metrics.put("dead_letters", s.deadLetters());
        metrics.put("dead_letters_sent", s.deadLettersSent());
        if (s.consumerLag() >= 0) {
            metrics.put("consumer_lag", s.consumerLag());
        }
        metrics.put("pending_records", s.pendingRecords());
        metrics.put("sink_retries", s.sinkRetries());
        metrics.put("sink_failures", s.sinkFailures());
        metrics.put("busy_max_ms_per_second", s.busyMaxMsPerSecond());
        metrics.put("backpressured_max_ms_per_second", s.backPressuredMaxMsPerSecond());
        metrics.put("restarts", s.restarts());
        metrics.put("running", "RUNNING".equals(s.state()) ? 1L : 0L);
        metrics.put("checkpoints_completed", s.checkpointsCompleted());
        metrics.put("checkpoints_failed", s.checkpointsFailed());
        if (s.lastCheckpointAt() > 0) {
            metrics.put("checkpoint_age_seconds", s.lastCheckpointAgeSeconds());
            metrics.put("checkpoint_duration_ms", s.lastCheckpointDurationMs());
            metrics.put("checkpoint_size_bytes", s.lastCheckpointSizeBytes());
            metrics.put("state_size_bytes", s.lastCheckpointFullSizeBytes());
        }
        List<String> lines = new ArrayList<>();
        metrics.forEach((name, value) -> add(lines, s, name, Map.of(), value));
        s.stateSizeBytes()
                .forEach(
                        (vertex, bytes) ->
                                add(
                                        lines,
                                        s,
                                        "vertex_state_size_bytes",
                                        Map.of("vertex", vertex),
                                        bytes));
        return lines;
    }

    private static void add(
            List<String> lines,
            PipelineSample s,
            String metric,
            Map<String, String> extra,
            Number value) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("job", s.job());
        tags.put("metric", metric);
        tags.put("source", "monitor");
        tags.putAll(extra);
        // always a float: InfluxDB fixes a field's type per shard, and the reporter writes floats
        // too
        String line =
                InfluxLineProtocol.line(
                        MEASUREMENT, tags, Map.of("value", value.doubleValue()), s.time());
        if (!line.isEmpty()) {
            lines.add(line);
        }
    }
}
