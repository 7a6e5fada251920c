package dev.guardian.security.correlation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one correlation remembers for one group: the matches inside its window. A Flink POJO, so it
 * lives in keyed state (RocksDB-ready) without Kryo.
 */
public class CorrelationState {

    /** Timestamps of the counted matches, oldest first (event_count). */
    public List<Long> times = new ArrayList<>();

    /** Event ids in the window, parallel to {@link #times} (bounded by the logic). */
    public List<String> eventIds = new ArrayList<>();

    /** Distinct value to the last time it was seen (value_count). */
    public Map<String, Long> valuesSeen = new HashMap<>();

    /** Rule reference to the times it matched, oldest first (temporal types). */
    public Map<String, List<Long>> ruleTimes = new HashMap<>();

    /** Start of the current fixed window for conditions decided at its end; 0 when none. */
    public long windowStart;

    public CorrelationState() {}

    boolean isEmpty() {
        return times.isEmpty() && valuesSeen.isEmpty() && ruleTimes.isEmpty() && windowStart == 0;
    }

    void clear() {
        times.clear();
        eventIds.clear();
        valuesSeen.clear();
        ruleTimes.clear();
        windowStart = 0;
    }
}
