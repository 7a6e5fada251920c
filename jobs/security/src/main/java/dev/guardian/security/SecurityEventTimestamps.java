package dev.guardian.security;

import dev.guardian.schemas.SecurityEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time of security events: the CloudTrail {@code eventTime}. */
public final class SecurityEventTimestamps implements SerializableTimestampAssigner<SecurityEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(SecurityEvent event, long recordTimestamp) {
        return event.getTime().toEpochMilli();
    }

    /** Bounded out-of-orderness, and idleness so a silent partition does not stall time. */
    public static WatermarkStrategy<SecurityEvent> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<SecurityEvent>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new SecurityEventTimestamps())
                .withIdleness(idleness);
    }
}
