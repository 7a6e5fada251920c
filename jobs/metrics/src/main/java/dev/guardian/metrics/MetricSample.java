package dev.guardian.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated metric point inside the metrics job: the wire record plus its series identity. A
 * Flink POJO whose labels are a flat sorted array, so it serialises without Kryo.
 */
public class MetricSample {

    public long seriesId;
    public String series;
    public String name;

    /** {@code k1, v1, k2, v2, ...} sorted by key; see {@link SeriesKey#sortedLabels}. */
    public String[] labels;

    public long timestampMillis;
    public double value;

    /** GAUGE or COUNTER (the wire record's type name). */
    public String type;

    public String unit;

    public MetricSample() {}

    public static MetricSample of(
            String name,
            Map<String, String> labels,
            long timestampMillis,
            double value,
            String type,
            String unit) {
        MetricSample sample = new MetricSample();
        sample.name = name;
        sample.labels = SeriesKey.sortedLabels(labels);
        sample.series = SeriesKey.text(name, sample.labels);
        sample.seriesId = SeriesKey.id(sample.series);
        sample.timestampMillis = timestampMillis;
        sample.value = value;
        sample.type = type == null ? "GAUGE" : type;
        sample.unit = unit == null ? "" : unit;
        return sample;
    }

    public Map<String, String> labelMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return map;
    }

    public boolean isCounter() {
        return "COUNTER".equals(type);
    }

    @Override
    public String toString() {
        return series + " " + value + " @" + timestampMillis;
    }
}
