package dev.guardian.traffic.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An injected incident: a kind, the instances it hits (a few production replicas of one service in
 * one region, like a bad deploy), the series that change, and when. Outside its window, and on
 * every other series, the traffic is exactly what it would have been without it.
 */
public final class Incident {

    /** Gradual incidents reach full strength after this long, or a quarter of a short window. */
    static final long RAMP_MILLIS = 20_000;

    private final IncidentKind kind;
    private final List<Instance> instances;
    private final List<Series> series;
    private final BitSet affected;
    private final long startMillis;
    private final long endMillis;
    private final long rampMillis;

    Incident(
            IncidentKind kind,
            List<Instance> instances,
            List<Series> series,
            long startMillis,
            long endMillis) {
        this.kind = kind;
        this.instances = Collections.unmodifiableList(instances);
        this.series = Collections.unmodifiableList(series);
        this.affected = new BitSet();
        series.forEach(s -> affected.set(s.index()));
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.rampMillis =
                kind.isGradual()
                        ? Math.max(1, Math.min(RAMP_MILLIS, (endMillis - startMillis) / 4))
                        : 0;
    }

    /**
     * Picks a service and region from the seed and takes up to {@code instanceCount} of its
     * production instances that export every family the kind changes.
     *
     * @throws IllegalArgumentException if the fleet has no such instance
     */
    public static Incident choose(
            IncidentKind kind,
            Fleet fleet,
            long seed,
            int instanceCount,
            long startMillis,
            long endMillis) {
        List<Instance> candidates = new ArrayList<>();
        for (Instance instance : fleet.instances()) {
            if (instance.env.equals("prod") && exportsAll(fleet, instance, kind)) {
                candidates.add(instance);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(
                    "no production instance in a fleet of "
                            + fleet.size()
                            + " series exports "
                            + kind.families()
                            + "; use more series");
        }
        SplittableRandom random = Seeds.random(seed, kind.ordinal(), 0x1C1DE17L);
        Instance pick = candidates.get(random.nextInt(candidates.size()));
        List<Instance> chosen = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (Instance candidate : candidates) {
            if (chosen.size() < instanceCount
                    && candidate.profile == pick.profile
                    && candidate.region == pick.region) {
                chosen.add(candidate);
                for (MetricFamily family : kind.families()) {
                    series.add(fleet.series(candidate, family).orElseThrow());
                }
            }
        }
        return new Incident(kind, chosen, series, startMillis, endMillis);
    }

    private static boolean exportsAll(Fleet fleet, Instance instance, IncidentKind kind) {
        return kind.families().stream()
                .allMatch(family -> fleet.series(instance, family).isPresent());
    }

    public IncidentKind kind() {
        return kind;
    }

    public List<Instance> instances() {
        return instances;
    }

    /** The series that change, in fleet order. */
    public List<Series> series() {
        return series;
    }

    public long startMillis() {
        return startMillis;
    }

    public long endMillis() {
        return endMillis;
    }

    /** How long a gradual incident takes to reach full strength; 0 for sudden ones. */
    public long rampMillis() {
        return rampMillis;
    }

    public boolean affects(Series s) {
        return affected.get(s.index());
    }

    /** 0 outside the window; inside it 1, or rising linearly to 1 for gradual kinds. */
    double intensity(long t) {
        if (t < startMillis || t >= endMillis) {
            return 0;
        }
        if (rampMillis == 0) {
            return 1;
        }
        return Math.min(1.0, (t - startMillis + 1) / (double) rampMillis);
    }
}
