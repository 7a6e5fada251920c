package dev.guardian.ops.monitor;

import java.util.Map;

/**
 * One job's health at one moment, as {@code guardian monitor} reads it from Flink's REST API and
 * Kafka.
 *
 * @param recordsIn records read by the sources since the job (re)started
 * @param recordsInPerSecond their current rate
 * @param recordsOut records the sink writers sent to external systems
 * @param deadLetters records the decode steps dead-lettered ({@code deadLetters} counters)
 * @param deadLettersSent records the dead-letter sinks wrote to Kafka
 * @param consumerLag records in the input topics past the offsets the job committed; -1 unknown
 * @param pendingRecords the sources' own view of their lag (FLIP-33 {@code pendingRecords})
 * @param sinkRetries requests the sinks retried
 * @param sinkFailures batches the sinks gave up on (each failed the job)
 * @param stateSizeBytes full state size of the last completed checkpoint, per vertex (the first
 *     operator's name)
 */
public record PipelineSample(
        String job,
        String jobId,
        String state,
        long time,
        double recordsIn,
        double recordsInPerSecond,
        double recordsOut,
        double deadLetters,
        double deadLettersSent,
        long consumerLag,
        double pendingRecords,
        double sinkRetries,
        double sinkFailures,
        double busyMaxMsPerSecond,
        double backPressuredMaxMsPerSecond,
        long restarts,
        long checkpointsCompleted,
        long checkpointsFailed,
        long lastCheckpointAt,
        long lastCheckpointDurationMs,
        long lastCheckpointSizeBytes,
        long lastCheckpointFullSizeBytes,
        Map<String, Long> stateSizeBytes) {

    /** Seconds since the last completed checkpoint; -1 if there is none. */
    public double lastCheckpointAgeSeconds() {
        return lastCheckpointAt <= 0 ? -1 : (time - lastCheckpointAt) / 1000.0;
    }
}
