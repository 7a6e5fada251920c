package dev.guardian.connectors.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;

/** Processing time moved by hand; due timers fire in {@link #advanceTo}. */
final class ManualProcessingTime implements ProcessingTimeService {

    private long now;
    private final List<long[]> dueTimes = new ArrayList<>();
    private final List<ProcessingTimeCallback> callbacks = new ArrayList<>();

    @Override
    public long getCurrentProcessingTime() {
        return now;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback target) {
        dueTimes.add(new long[] {timestamp});
        callbacks.add(target);
        return null;
    }

    int pendingTimers() {
        return callbacks.size();
    }

    void advanceTo(long time) throws Exception {
        now = time;
        boolean fired = true;
        while (fired) {
            fired = false;
            for (int i = 0; i < callbacks.size(); i++) {
                if (dueTimes.get(i)[0] <= now) {
                    ProcessingTimeCallback callback = callbacks.remove(i);
                    dueTimes.remove(i);
                    callback.onProcessingTime(now);
                    fired = true;
                    break;
                }
            }
        }
    }
}
