package dev.guardian.logs;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.logs.decode.LineTimes;
import dev.guardian.logs.decode.LogFlags;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.clock.Clock;
import org.apache.flink.util.clock.SystemClock;

/**
 * Event time of the logs job, set in the Kafka source so that it is tracked per partition: a
 * partition read minutes ahead of another while the job works through a backlog must not make the
 * other's lines late. A line's time is its own ({@link LineTimes}), else the time it entered Kafka
 * (as the decoder repairs it, {@link LogFlags}).
 *
 * <p>The watermark trails the newest line by the allowed out-of-orderness, counting only lines that
 * brought their own time: a repaired time is when the line entered Kafka, which during a catch-up
 * or a replay of old logs is far ahead of the lines around it and would close every minute in
 * between as empty. Repaired times still move the watermark when no line with its own time has come
 * for {@code idleness} (a shipper that sends no times at all), and a partition silent that long is
 * idle.
 */
public final class LogRecordTimestamps implements SerializableTimestampAssigner<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final long maxFutureSkewMillis;

    LogRecordTimestamps(long maxFutureSkewMillis) {
        this.maxFutureSkewMillis = maxFutureSkewMillis;
    }

    @Override
    public long extractTimestamp(RawRecord record, long recordTimestamp) {
        long now = System.currentTimeMillis();
        long own = ownTime(record, now, maxFutureSkewMillis);
        if (own != LineTimes.NONE) {
            return own;
        }
        long kafka = record.kafkaTimestamp;
        return kafka > 0 && kafka <= now + maxFutureSkewMillis ? kafka : now;
    }

    /** The line's own time, unless missing or too far ahead of {@code now} to be believed. */
    static long ownTime(RawRecord record, long now, long maxFutureSkewMillis) {
        long own = LineTimes.own(record.value);
        return own != LineTimes.NONE && own <= now + maxFutureSkewMillis ? own : LineTimes.NONE;
    }

    public static WatermarkStrategy<RawRecord> strategy(
            Duration outOfOrderness, Duration idleness, Duration maxFutureSkew) {
        long skew = maxFutureSkew.toMillis();
        return WatermarkStrategy.<RawRecord>forGenerator(
                        ctx ->
                                new Generator(
                                        outOfOrderness, idleness, skew, SystemClock.getInstance()))
                .withTimestampAssigner(ctx -> new LogRecordTimestamps(skew))
                .withIdleness(idleness);
    }

    /** Bounded out-of-orderness over own-time lines, repaired times as a fallback. */
    static final class Generator implements WatermarkGenerator<RawRecord> {

        private final long outOfOrderness;
        private final long fallbackAfter;
        private final long maxFutureSkew;
        private final Clock clock;
        private long maxOwn = Long.MIN_VALUE;
        private long maxRepaired = Long.MIN_VALUE;
        private long lastOwnAt;

        Generator(
                Duration outOfOrderness, Duration fallbackAfter, long maxFutureSkew, Clock clock) {
            this.outOfOrderness = outOfOrderness.toMillis();
            this.fallbackAfter = fallbackAfter.toMillis();
            this.maxFutureSkew = maxFutureSkew;
            this.clock = clock;
            this.lastOwnAt = clock.absoluteTimeMillis();
        }

        @Override
        public void onEvent(RawRecord record, long timestamp, WatermarkOutput output) {
            long now = clock.absoluteTimeMillis();
            if (ownTime(record, now, maxFutureSkew) != LineTimes.NONE) {
                maxOwn = Math.max(maxOwn, timestamp);
                lastOwnAt = now;
            } else {
                maxRepaired = Math.max(maxRepaired, timestamp);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            long max = maxOwn;
            if (clock.absoluteTimeMillis() - lastOwnAt >= fallbackAfter) {
                max = Math.max(max, maxRepaired);
            }
            if (max != Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(max - outOfOrderness - 1));
            }
        }
    }
}
