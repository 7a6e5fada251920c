package dev.guardian.metrics.anomaly;

import dev.guardian.anomaly.SeriesAnomalyScorer;
import dev.guardian.metrics.MetricSample;
import dev.guardian.schemas.Anomaly;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs {@link DetectSeriesAnomalies} with its {@link ModelCache}: the operator is what may switch
 * the current key, so it writes evicted models back under their own series, and flushes the cache
 * before every checkpoint barrier (and when the input ends), so each checkpoint holds every model
 * as of the barrier and exactly-once recovery is unchanged.
 */
public class DetectSeriesAnomaliesOperator
        extends KeyedProcessOperator<Long, MetricSample, Anomaly> {

    private static final long serialVersionUID = 1L;

    private final int cacheSize;
    private transient ModelCache cache;

    public DetectSeriesAnomaliesOperator(AnomalySettings settings) {
        super(new DetectSeriesAnomalies(settings));
        this.cacheSize = settings.modelCacheSize();
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (cacheSize > 0) {
            cache = new ModelCache(cacheSize, this::writeBack);
            ((DetectSeriesAnomalies) userFunction).useCache(cache);
        }
    }

    private void writeBack(long seriesId, SeriesAnomalyScorer model) throws Exception {
        Object current = getCurrentKey();
        setCurrentKey(seriesId);
        ((DetectSeriesAnomalies) userFunction).storeModel(model);
        if (current != null) {
            setCurrentKey(current);
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        if (cache != null) {
            cache.flush();
        }
    }

    @Override
    public void finish() throws Exception {
        if (cache != null) {
            cache.flush();
        }
        super.finish();
    }
}
