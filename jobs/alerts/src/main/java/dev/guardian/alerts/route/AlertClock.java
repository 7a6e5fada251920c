package dev.guardian.alerts.route;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time for the router. Decisions compare alert times (so a replay decides the same), and
 * timers (group windows, auto-resolve, rate-limit windows) fire on watermarks. Alerts are sparse,
 * so a watermark made of alert times alone would stall between incidents: with {@code wallClock},
 * once no alert has arrived for {@code idleAfter}, the watermark follows the TaskManager's clock,
 * so an auto-resolve fires on time even when nothing else happens. While alerts keep coming (a
 * backlog after a restart, an incident) the watermark follows their times only, so a backlog is
 * decided as it happened and auto-resolves do not overtake the real resolves in it. Tests switch
 * the wall clock off and get deterministic time from the data.
 */
public final class AlertClock<T> implements WatermarkStrategy<T> {

    private static final long serialVersionUID = 1L;

    /** Reads an element's event time. */
    @FunctionalInterface
    public interface EventTime<T> extends java.io.Serializable {
        long of(T element);
    }

    private final EventTime<T> eventTime;
    private final long outOfOrdernessMillis;
    private final boolean wallClock;
    private final long idleAfterMillis;

    public AlertClock(
            EventTime<T> eventTime,
            Duration outOfOrderness,
            boolean wallClock,
            Duration idleAfter) {
        this.eventTime = eventTime;
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.wallClock = wallClock;
        this.idleAfterMillis = idleAfter.toMillis();
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context ctx) {
        return (element, recordTimestamp) -> eventTime.of(element);
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context ctx) {
        return new WatermarkGenerator<>() {
            private long maxSeen = Long.MIN_VALUE + outOfOrdernessMillis + 1;
            private long emitted = Long.MIN_VALUE;
            private long lastArrival = System.currentTimeMillis();

            @Override
            public void onEvent(T event, long timestamp, WatermarkOutput output) {
                maxSeen = Math.max(maxSeen, timestamp);
                lastArrival = System.currentTimeMillis();
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                long candidate = maxSeen - outOfOrdernessMillis - 1;
                long now = System.currentTimeMillis();
                if (wallClock && now - lastArrival >= idleAfterMillis) {
                    candidate = Math.max(candidate, now - idleAfterMillis - outOfOrdernessMillis);
                }
                if (candidate > emitted) {
                    emitted = candidate;
                    output.emitWatermark(new Watermark(candidate));
                }
            }
        };
    }
}
