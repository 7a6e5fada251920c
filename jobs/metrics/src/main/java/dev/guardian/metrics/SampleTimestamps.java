package dev.guardian.metrics;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time of a sample is its own timestamp, not Kafka's. */
public class SampleTimestamps implements SerializableTimestampAssigner<MetricSample> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(MetricSample sample, long recordTimestamp) {
        return sample.timestampMillis;
    }

    /**
     * Bounded out-of-orderness for producers that batch, and idleness so that a silent partition or
     * subtask does not hold every window open.
     */
    public static WatermarkStrategy<MetricSample> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<MetricSample>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new SampleTimestamps())
                .withIdleness(idleness);
    }
}
