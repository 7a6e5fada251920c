package dev.guardian.common.kafka;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of raw records, as stamped in the source by an {@link EventTimeExtractor}: bounded
 * out-of-orderness for producers that batch, and idleness so that a silent partition does not hold
 * every window open. Given to {@code env.fromSource}, the Kafka source applies it per partition.
 */
public final class RawRecordWatermarks implements SerializableTimestampAssigner<RawRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(RawRecord record, long kafkaTimestamp) {
        return record.eventTimestamp;
    }

    public static WatermarkStrategy<RawRecord> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new RawRecordWatermarks())
                .withIdleness(idleness);
    }
}
