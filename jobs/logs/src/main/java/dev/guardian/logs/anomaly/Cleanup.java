package dev.guardian.logs.anomaly;

import org.apache.flink.streaming.api.TimerService;

/** The state-cleanup timer of a key: one pending timer, moved forward as the key stays active. */
final class Cleanup {

    private Cleanup() {}

    /** Replaces {@code current} by {@code next} unless they are equal; returns the pending one. */
    static long reschedule(TimerService timers, long current, long next) {
        if (current == next) {
            return current;
        }
        if (current != MinuteHistory.NONE) {
            timers.deleteEventTimeTimer(current);
        }
        timers.registerEventTimeTimer(next);
        return next;
    }
}
