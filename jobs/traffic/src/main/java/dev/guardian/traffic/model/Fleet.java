package dev.guardian.traffic.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The simulated estate: instances spread round-robin over regions and services (so even a small
 * fleet covers every service), each exporting every {@link MetricFamily}. The first {@code
 * seriesCount} series are kept, instance by instance.
 */
public final class Fleet {

    public static final int FAMILIES = MetricFamily.values().length;

    private final List<Instance> instances;
    private final List<Series> series;

    public Fleet(int seriesCount, long seed) {
        if (seriesCount < 1) {
            throw new IllegalArgumentException("a fleet needs at least one series");
        }
        int instanceCount = (seriesCount + FAMILIES - 1) / FAMILIES;
        List<Instance> is = new ArrayList<>(instanceCount);
        List<Series> ss = new ArrayList<>(seriesCount);
        MetricFamily[] families = MetricFamily.values();
        for (int i = 0; i < instanceCount; i++) {
            Instance instance = new Instance(i, seed);
            is.add(instance);
            for (int f = 0; f < FAMILIES && ss.size() < seriesCount; f++) {
                ss.add(new Series(ss.size(), instance, families[f]));
            }
        }
        this.instances = Collections.unmodifiableList(is);
        this.series = Collections.unmodifiableList(ss);
    }

    public List<Instance> instances() {
        return instances;
    }

    public List<Series> series() {
        return series;
    }

    public Series series(int index) {
        return series.get(index);
    }

    /** The series of {@code family} exported by {@code instance}, if the fleet kept it. */
    public Optional<Series> series(Instance instance, MetricFamily family) {
        int index = instance.index * FAMILIES + family.ordinal();
        return index < series.size() ? Optional.of(series.get(index)) : Optional.empty();
    }

    public int size() {
        return series.size();
    }
}
