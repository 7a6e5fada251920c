package dev.guardian.logs.anomaly;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Per-minute buckets of the current key in keyed map state, judged in event-time order.
 *
 * <p>A minute is judged when the watermark passes its last millisecond (its timer). Records of a
 * key may arrive out of order (several upstream partitions), so several minutes can be open at
 * once. A record behind the watermark, whose minute was already judged, counts in the first minute
 * not yet judged: counted once, never lost.
 *
 * <p>Minute timers fire at {@code minute + 59_999}; rules that need other timers align them to a
 * whole minute, so {@link #isMinuteTimer} tells them apart.
 */
final class MinuteBuckets {

    static final long MINUTE = 60_000L;

    private final MapState<Long, MinuteBucket> buckets;

    MinuteBuckets(RuntimeContext context, String name) {
        buckets =
                context.getMapState(
                        new MapStateDescriptor<>(name, Types.LONG, Types.POJO(MinuteBucket.class)));
    }

    static long minuteOf(long timestampMillis) {
        return Math.floorDiv(timestampMillis, MINUTE) * MINUTE;
    }

    static long timerOf(long minute) {
        return minute + MINUTE - 1;
    }

    static boolean isMinuteTimer(long timestamp) {
        return Math.floorMod(timestamp, MINUTE) == MINUTE - 1;
    }

    static long minuteOfTimer(long timestamp) {
        return timestamp - MINUTE + 1;
    }

    /** The start of the first minute after {@code timestamp}'s minute: a whole-minute timer. */
    static long nextWholeMinute(long timestamp) {
        return minuteOf(timestamp) + MINUTE;
    }

    /**
     * The bucket a record at {@code timestamp} counts in, created (and its timer set) if needed.
     * Returns the minute; read and write the bucket with {@link #get} and {@link #put}.
     */
    long minuteFor(long timestamp, TimerService timers) {
        long watermark = timers.currentWatermark();
        long minute = minuteOf(timestamp);
        if (watermark != Long.MIN_VALUE) {
            minute = Math.max(minute, minuteOf(watermark + 1));
        }
        timers.registerEventTimeTimer(timerOf(minute));
        return minute;
    }

    MinuteBucket get(long minute) throws Exception {
        MinuteBucket bucket = buckets.get(minute);
        return bucket == null ? new MinuteBucket() : bucket;
    }

    void put(long minute, MinuteBucket bucket) throws Exception {
        buckets.put(minute, bucket);
    }

    /** Removes and returns the bucket of a minute being judged (empty if nothing was logged). */
    MinuteBucket take(long minute) throws Exception {
        MinuteBucket bucket = get(minute);
        buckets.remove(minute);
        return bucket;
    }

    boolean isEmpty() throws Exception {
        return buckets.isEmpty();
    }

    void clear() {
        buckets.clear();
    }
}
