package dev.guardian.traffic.model;

import dev.guardian.schemas.SeriesKey;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One time series: a metric family of one instance. {@link #key()} is its {@link SeriesKey}, the
 * form in which the metrics job keys and prints series.
 */
public final class Series {

    private final int index;
    private final Instance instance;
    private final MetricFamily family;
    private final Map<String, String> labels;
    private final String key;

    Series(int index, Instance instance, MetricFamily family) {
        this.index = index;
        this.instance = instance;
        this.family = family;
        Map<String, String> l = new TreeMap<>(instance.labels());
        l.putAll(family.extraLabels());
        this.labels = Collections.unmodifiableMap(l);
        this.key = SeriesKey.of(family.metricName(), this.labels);
    }

    public int index() {
        return index;
    }

    public Instance instance() {
        return instance;
    }

    public MetricFamily family() {
        return family;
    }

    public String name() {
        return family.metricName();
    }

    /** Labels sorted by name. */
    public Map<String, String> labels() {
        return labels;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }
}
