package dev.guardian.metrics.anomaly;

import dev.guardian.anomaly.SeriesAnomalyScorer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models of the most recently seen series, kept deserialised between points. With RocksDB a
 * model (some 6 KB) would otherwise be read, decoded, encoded and written at every point, which is
 * most of the job's cost per point; cached, it reaches state when evicted or before each checkpoint
 * barrier ({@link #flush}). Least recently used first out; not thread-safe (one task thread).
 */
final class ModelCache {

    /** Writes one model to keyed state under its series. */
    @FunctionalInterface
    interface WriteBack {
        void write(long seriesId, SeriesAnomalyScorer model) throws Exception;
    }

    private final int capacity;
    private final WriteBack writeBack;
    private final LinkedHashMap<Long, SeriesAnomalyScorer> models;

    ModelCache(int capacity, WriteBack writeBack) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.writeBack = writeBack;
        this.models = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
    }

    /** The cached model of the series, or null. */
    SeriesAnomalyScorer get(long seriesId) {
        return models.get(seriesId);
    }

    /** Caches a changed model; the least recently used one beyond capacity goes to state. */
    void put(long seriesId, SeriesAnomalyScorer model) throws Exception {
        models.put(seriesId, model);
        if (models.size() > capacity) {
            Iterator<Map.Entry<Long, SeriesAnomalyScorer>> eldest = models.entrySet().iterator();
            Map.Entry<Long, SeriesAnomalyScorer> entry = eldest.next();
            eldest.remove();
            writeBack.write(entry.getKey(), entry.getValue());
        }
    }

    /**
     * Writes every cached model to state and forgets them all: afterwards state alone is the truth,
     * and no object a snapshot may still be writing (heap state backend) is changed in place.
     */
    void flush() throws Exception {
        for (Map.Entry<Long, SeriesAnomalyScorer> entry : models.entrySet()) {
            writeBack.write(entry.getKey(), entry.getValue());
        }
        models.clear();
    }

    int size() {
        return models.size();
    }
}
