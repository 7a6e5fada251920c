package dev.guardian.billing.record;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of a billing line is the start of its charge period: the hour the cost belongs to, not
 * when the provider delivered it (hours later, restatements days later).
 */
public class BillingTimestamps implements SerializableTimestampAssigner<BillingDelivery> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(BillingDelivery delivery, long recordTimestamp) {
        return delivery.record.getChargePeriodStart().toEpochMilli();
    }

    /**
     * Bounded out-of-orderness for exports that arrive as a batch per hour, and idleness so that a
     * silent partition does not hold every hour open.
     */
    public static WatermarkStrategy<BillingDelivery> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<BillingDelivery>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new BillingTimestamps())
                .withIdleness(idleness);
    }
}
