package dev.guardian.metrics;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys the stream by series, so each series' rollup and detector state live on one subtask. */
public class SeriesIdSelector implements KeySelector<MetricSample, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long getKey(MetricSample sample) {
        return sample.seriesId;
    }
}
