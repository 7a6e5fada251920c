package dev.guardian.logs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time of a line is its own timestamp (ingest time when it had none), not Kafka's. */
public class LogRecordTimestamps implements SerializableTimestampAssigner<LogRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(LogRecord record, long recordTimestamp) {
        return record.timestampMillis;
    }

    /**
     * Bounded out-of-orderness for shippers that batch and hosts whose clocks differ a little, and
     * idleness so that a silent partition does not hold every minute open.
     */
    public static WatermarkStrategy<LogRecord> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<LogRecord>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new LogRecordTimestamps())
                .withIdleness(idleness);
    }
}
