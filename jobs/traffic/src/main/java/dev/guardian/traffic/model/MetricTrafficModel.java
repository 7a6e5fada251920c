package dev.guardian.traffic.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What value each series of a {@link Fleet} has at a moment: seasonal load, per-series noise,
 * process restarts (counters reset, memory drops, CPU warms up) and an optional {@link Incident}.
 *
 * <p>Each series draws from its own random stream and each instance's restarts from another, so the
 * values are a function of the seed and the sample times only. Samples of one series must come in
 * time order: counters and smoothed noise carry state from one sample to the next.
 */
public final class MetricTrafficModel {

    /** Autocorrelation of the smoothed noise between consecutive samples. */
    private static final double AR_PHI = 0.8;

    private static final double WARMUP_SECONDS = 120;
    private static final double SATURATED_BACKLOG_PER_SECOND = 20;

    /** Average of the load factor over a week, for the counters' values before the start. */
    private static final double MEAN_LOAD = 0.55;

    private final Fleet fleet;
    private final long startMillis;
    private final Optional<Incident> incident;
    private final SeriesState[] series;
    private final InstanceState[] instances;

    public MetricTrafficModel(
            Fleet fleet, long seed, long startMillis, Optional<Incident> incident) {
        this.fleet = fleet;
        this.startMillis = startMillis;
        this.incident = incident;
        this.series = new SeriesState[fleet.size()];
        for (int i = 0; i < series.length; i++) {
            series[i] = new SeriesState(Seeds.random(seed, i, 0x5E41E5L));
        }
        this.instances = new InstanceState[fleet.instances().size()];
        for (int i = 0; i < instances.length; i++) {
            Instance instance = fleet.instances().get(i);
            instances[i] =
                    new InstanceState(
                            Seeds.random(seed, i, 0x2E57A27L),
                            startMillis,
                            instance.meanHoursBetweenRestarts);
        }
    }

    public Fleet fleet() {
        return fleet;
    }

    public Optional<Incident> incident() {
        return incident;
    }

    /**
     * The value of series {@code seriesIndex} at {@code epochMillis}, advancing its state.
     *
     * @throws IllegalArgumentException if the time is before the series' previous sample
     */
    public double sample(int seriesIndex, long epochMillis) {
        Series s = fleet.series(seriesIndex);
        SeriesState st = series[seriesIndex];
        if (epochMillis < st.lastMillis) {
            throw new IllegalArgumentException(
                    s.key() + " sampled at " + epochMillis + " after " + st.lastMillis);
        }
        Instance in = s.instance();
        double load = load(in, epochMillis);
        double z = Seeds.gaussian(st.random);
        double jitter = st.random.nextDouble();
        st.smoothed = AR_PHI * st.smoothed + Math.sqrt(1 - AR_PHI * AR_PHI) * z;
        double r =
                incident.filter(i -> i.affects(s)).map(i -> i.intensity(epochMillis)).orElse(0.0);
        double value;
        switch (s.family()) {
            case CPU_UTILIZATION:
                value = cpu(in, st, epochMillis, load, jitter, r);
                break;
            case MEMORY_USED_BYTES:
                value = memory(in, epochMillis, load, z, r);
                break;
            case HTTP_REQUESTS_TOTAL:
                double requests = requestRate(in, load, st.smoothed);
                value = counter(in, st, epochMillis, requests * (1 - r), typicalRequestRate(in));
                break;
            case HTTP_REQUEST_ERRORS_TOTAL:
                double ratio = in.errorRatio + r * (0.3 - in.errorRatio);
                double errors = requestRate(in, load, 0) * ratio * (1 + 0.3 * st.smoothed);
                value =
                        counter(
                                in,
                                st,
                                epochMillis,
                                Math.max(0, errors),
                                typicalRequestRate(in) * in.errorRatio);
                break;
            case HTTP_REQUEST_DURATION_SECONDS:
                double p95 =
                        in.profile.p95LatencySeconds
                                * (1 + 0.8 * load * load)
                                * Math.exp(0.07 * z)
                                * (1 + 7 * r);
                value = Math.round(p95 * 10_000) / 10_000.0;
                break;
            case QUEUE_DEPTH:
                value = queueDepth(in, st, epochMillis, load, r);
                break;
            case DISK_FREE_BYTES:
                value = diskFree(in, epochMillis, z);
                break;
            default:
                throw new IllegalStateException("no model for " + s.family());
        }
        st.lastMillis = epochMillis;
        return value;
    }

    /** How many times the instance's process has restarted since the simulation started. */
    public int restartsUntil(Instance instance, long epochMillis) {
        return instances[instance.index].restartsUntil(epochMillis);
    }

    /** The seasonal load factor of an instance, in (0, 1]. */
    public static double load(Instance instance, long epochMillis) {
        return Seasonality.load(
                epochMillis, instance.region.utcOffsetMinutes, instance.phaseMinutes);
    }

    private double requestRate(Instance in, double load, double noise) {
        return in.profile.peakRequestsPerSecond * in.trafficShare * load * (1 + 0.05 * noise);
    }

    private static double typicalRequestRate(Instance in) {
        return in.profile.peakRequestsPerSecond * in.trafficShare * MEAN_LOAD;
    }

    private double counter(
            Instance in, SeriesState st, long t, double ratePerSecond, double typicalRate) {
        InstanceState is = instances[in.index];
        int restarts = is.restartsUntil(t);
        if (st.lastMillis == Long.MIN_VALUE) {
            // The process was already running: start from what it would have counted so far.
            st.counter = uptimeMillis(in, t) / 1000.0 * typicalRate;
        } else if (restarts > st.restarts) {
            st.counter = ratePerSecond * (t - is.lastRestartAtOrBefore(t)) / 1000.0;
        } else {
            st.counter += ratePerSecond * (t - st.lastMillis) / 1000.0;
        }
        st.restarts = restarts;
        return Math.floor(st.counter);
    }

    private double cpu(Instance in, SeriesState st, long t, double load, double jitter, double r) {
        double uptimeSeconds = uptimeMillis(in, t) / 1000.0;
        double cpu = 0.02 + in.profile.cpuAtPeak * load * (1 + 0.08 * st.smoothed);
        if (uptimeSeconds < WARMUP_SECONDS) {
            cpu += 0.3 * (1 - uptimeSeconds / WARMUP_SECONDS); // JIT and cache warm-up
        }
        cpu = round4(clamp(cpu, 0.001, 1));
        if (r > 0 && incident.get().kind() == IncidentKind.FLATLINE) {
            // A hung exporter repeats its last reading.
            if (Double.isNaN(st.frozen)) {
                st.frozen = cpu;
            }
            return st.frozen;
        }
        st.frozen = Double.NaN;
        if (r > 0) {
            cpu = round4(cpu + r * (0.97 + 0.02 * jitter - cpu));
        }
        return cpu;
    }

    private double memory(Instance in, long t, double load, double z, double r) {
        double limit = in.profile.memoryLimitBytes;
        double warm = 1 - Math.exp(-uptimeMillis(in, t) / 900_000.0);
        double gcCycle = ((t / 1000.0 + in.index * 17.0) % in.gcPeriodSeconds) / in.gcPeriodSeconds;
        double used = limit * (0.2 + 0.25 * warm + 0.15 * load + 0.12 * gcCycle) * (1 + 0.01 * z);
        return Math.round(used + r * 0.3 * limit);
    }

    private double queueDepth(Instance in, SeriesState st, long t, double load, double r) {
        double depth =
                in.profile.queueDepthAtPeak * load * load * Math.max(0, 1 + 0.35 * st.smoothed);
        if (r > 0) {
            long since = t - incident.get().startMillis();
            depth += r * SATURATED_BACKLOG_PER_SECOND * since / 1000.0;
        }
        return Math.round(depth);
    }

    private double diskFree(Instance in, long t, double z) {
        // Logs fill the disk steadily; a cleanup job frees them every six hours.
        double sinceCleanup = (t / 1000.0 + in.diskCleanupPhaseHours * 3600) % (6 * 3600);
        double free =
                in.diskBytes * (1 - in.diskUsedFraction)
                        - in.diskWriteBytesPerSecond * sinceCleanup
                        + 2_000_000 * z;
        return Math.max(0, Math.round(free));
    }

    private long uptimeMillis(Instance in, long t) {
        long lastRestart = instances[in.index].lastRestartAtOrBefore(t);
        return lastRestart == Long.MIN_VALUE
                ? in.initialUptimeMillis + Math.max(0, t - startMillis)
                : t - lastRestart;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static final class SeriesState {
        final SplittableRandom random;
        long lastMillis = Long.MIN_VALUE;
        double smoothed;
        double counter;
        int restarts;
        double frozen = Double.NaN;

        SeriesState(SplittableRandom random) {
            this.random = random;
            this.smoothed = Seeds.gaussian(random);
        }
    }

    /** Restart times as a Poisson process, drawn lazily and in order, so queries may interleave. */
    private static final class InstanceState {
        final SplittableRandom random;
        final double meanMillisBetween;
        final List<Long> restarts = new ArrayList<>();
        long nextRestart;

        InstanceState(SplittableRandom random, long startMillis, double meanHoursBetween) {
            this.random = random;
            this.meanMillisBetween = meanHoursBetween * 3_600_000;
            this.nextRestart = startMillis + gap();
        }

        private long gap() {
            return 1 + (long) (-Math.log(1 - random.nextDouble()) * meanMillisBetween);
        }

        int restartsUntil(long t) {
            while (nextRestart <= t) {
                restarts.add(nextRestart);
                nextRestart += gap();
            }
            int i = Collections.binarySearch(restarts, t);
            return i >= 0 ? i + 1 : -i - 1;
        }

        long lastRestartAtOrBefore(long t) {
            int n = restartsUntil(t);
            return n == 0 ? Long.MIN_VALUE : restarts.get(n - 1);
        }
    }
}
