package dev.guardian.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricTrafficModelTest {

    /** Wednesday 00:00 UTC. */
    private static final long START = Instant.parse("2026-11-18T00:00:00Z").toEpochMilli();

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private static final int SERIES = 36 * Fleet.FAMILIES;

    private static double[][] run(MetricTrafficModel model, long from, long step, int samples) {
        int n = model.fleet().size();
        double[][] values = new double[n][samples];
        for (int k = 0; k < samples; k++) {
            for (int s = 0; s < n; s++) {
                values[s][k] = model.sample(s, from + k * step);
            }
        }
        return values;
    }

    private static MetricTrafficModel model(long seed, Optional<Incident> incident) {
        return new MetricTrafficModel(new Fleet(SERIES, seed), seed, START, incident);
    }

    @Test
    void theSameSeedGivesTheSameTraffic() {
        double[][] first = run(model(7, Optional.empty()), START, 15_000, 200);
        double[][] second = run(model(7, Optional.empty()), START, 15_000, 200);
        double[][] other = run(model(8, Optional.empty()), START, 15_000, 200);

        assertThat(second).isDeepEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(other[0]).isNotEqualTo(first[0]);
    }

    @Test
    void countersOnlyGoDownWhenTheProcessRestarts() {
        MetricTrafficModel model = model(11, Optional.empty());
        Fleet fleet = model.fleet();
        long step = MINUTE;
        int samples = 48 * 60; // two days
        double[][] values = run(model, START, step, samples);

        int resets = 0;
        int counters = 0;
        for (Series series : fleet.series()) {
            if (!series.family().isCounter()) {
                continue;
            }
            counters++;
            double[] v = values[series.index()];
            for (int k = 1; k < samples; k++) {
                int restartsBefore = model.restartsUntil(series.instance(), START + (k - 1) * step);
                int restartsNow = model.restartsUntil(series.instance(), START + k * step);
                if (restartsNow > restartsBefore) {
                    if (v[k] < v[k - 1]) {
                        resets++;
                    }
                } else {
                    assertThat(v[k])
                            .as("%s at sample %d", series.key(), k)
                            .isGreaterThanOrEqualTo(v[k - 1]);
                }
            }
        }
        assertThat(counters).isEqualTo(2 * 36);
        // A restart every 6-24 hours per instance: over two days, dozens of resets.
        assertThat(resets).isGreaterThan(50);
    }

    @Test
    void gaugesFollowTheDailyCurve() {
        MetricTrafficModel model = model(3, Optional.empty());
        // eu-west-1 instances (UTC): compare 03:00-05:00 with 15:00-17:00 local.
        double night = meanCpu(model, START + 3 * HOUR, START + 5 * HOUR, "eu-west-1");
        double afternoon = meanCpu(model, START + 15 * HOUR, START + 17 * HOUR, "eu-west-1");

        assertThat(afternoon).isGreaterThan(2 * night);
    }

    private static double meanCpu(MetricTrafficModel model, long from, long to, String region) {
        double sum = 0;
        int n = 0;
        for (Series s : model.fleet().series()) {
            if (s.family() == MetricFamily.CPU_UTILIZATION
                    && s.instance().region().equals(region)) {
                for (long t = from; t < to; t += MINUTE) {
                    sum += model.sample(s.index(), t);
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void valuesStayInTheirPhysicalRange() {
        MetricTrafficModel model = model(5, Optional.empty());
        double[][] values = run(model, START, 5 * MINUTE, 24 * 12);

        for (Series s : model.fleet().series()) {
            for (double v : values[s.index()]) {
                assertThat(Double.isFinite(v)).isTrue();
                switch (s.family()) {
                    case CPU_UTILIZATION -> assertThat(v).isBetween(0.0, 1.0);
                    case MEMORY_USED_BYTES ->
                            assertThat(v)
                                    .isBetween(0.0, (double) s.instance().profile.memoryLimitBytes);
                    default -> assertThat(v).isGreaterThanOrEqualTo(0.0);
                }
            }
        }
    }

    @Test
    void samplesOfOneSeriesMustComeInTimeOrder() {
        MetricTrafficModel model = model(5, Optional.empty());
        model.sample(0, START + MINUTE);

        assertThatThrownBy(() -> model.sample(0, START))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIncidentChangesTheChosenSeriesOnlyAndOnlyInItsWindow() {
        for (IncidentKind kind : IncidentKind.values()) {
            Fleet fleet = new Fleet(SERIES, 9);
            long from = START + 30 * MINUTE;
            long until = START + 60 * MINUTE;
            Incident incident = Incident.choose(kind, fleet, 9, 3, from, until);
            long step = 10_000;
            int samples = 90 * 6;
            double[][] calm =
                    run(
                            new MetricTrafficModel(fleet, 9, START, Optional.empty()),
                            START,
                            step,
                            samples);
            double[][] hit =
                    run(
                            new MetricTrafficModel(fleet, 9, START, Optional.of(incident)),
                            START,
                            step,
                            samples);

            for (Series s : fleet.series()) {
                if (!incident.affects(s)) {
                    assertThat(hit[s.index()])
                            .as("%s under %s", s.key(), kind)
                            .isEqualTo(calm[s.index()]);
                    continue;
                }
                List<Integer> changed = new ArrayList<>();
                for (int k = 0; k < samples; k++) {
                    if (hit[s.index()][k] != calm[s.index()][k]) {
                        changed.add(k);
                    }
                }
                long firstChange = START + changed.get(0) * step;
                long lastChange = START + changed.get(changed.size() - 1) * step;
                assertThat(firstChange)
                        .as("%s under %s", s.key(), kind)
                        .isGreaterThanOrEqualTo(from);
                if (!s.family().isCounter()) {
                    // A counter keeps the offset it gained; a gauge returns to normal.
                    assertThat(lastChange).isLessThan(until);
                }
                assertThat(changed.size()).as("%s under %s", s.key(), kind).isGreaterThan(100);
            }
        }
    }

    @Test
    void latencySpikeMultipliesLatencyByEight() {
        IncidentOutcome o =
                outcome(IncidentKind.LATENCY_SPIKE, MetricFamily.HTTP_REQUEST_DURATION_SECONDS);

        assertThat(o.hitDuring / o.calmDuring).isCloseTo(8.0, within(0.05));
    }

    @Test
    void errorBurstMakesThirtyPercentOfRequestsFail() {
        IncidentOutcome o =
                outcome(IncidentKind.ERROR_BURST, MetricFamily.HTTP_REQUEST_ERRORS_TOTAL);
        Series errors = o.series;
        double requestsPerSecond =
                errors.instance().profile.peakRequestsPerSecond * errors.instance().trafficShare;

        // Counter growth per second during the incident, against the request rate at that load.
        assertThat(o.hitRate).isGreaterThan(0.1 * requestsPerSecond * o.load);
        assertThat(o.hitRate).isGreaterThan(20 * o.calmRate);
    }

    @Test
    void cpuSaturationPinsCpuAndGrowsTheQueue() {
        IncidentOutcome cpu = outcome(IncidentKind.CPU_SATURATION, MetricFamily.CPU_UTILIZATION);
        IncidentOutcome queue = outcome(IncidentKind.CPU_SATURATION, MetricFamily.QUEUE_DEPTH);

        assertThat(cpu.hitDuring).isBetween(0.97, 0.99);
        // 20 messages/s for the 30 minutes before the sample.
        assertThat(queue.hitDuring - queue.calmDuring).isCloseTo(20 * 1800.0, within(100.0));
    }

    @Test
    void flatlineFreezesCpuAndStopsTheRequestCounter() {
        IncidentOutcome cpu = outcome(IncidentKind.FLATLINE, MetricFamily.CPU_UTILIZATION);
        IncidentOutcome requests = outcome(IncidentKind.FLATLINE, MetricFamily.HTTP_REQUESTS_TOTAL);

        assertThat(cpu.distinctDuring).isEqualTo(1);
        assertThat(requests.hitRate).isZero();
        assertThat(requests.calmRate).isPositive();
    }

    @Test
    void levelShiftRaisesMemoryByThirtyPercentOfTheLimit() {
        IncidentOutcome o = outcome(IncidentKind.LEVEL_SHIFT, MetricFamily.MEMORY_USED_BYTES);

        assertThat(o.hitDuring - o.calmDuring)
                .isCloseTo(0.3 * o.series.instance().profile.memoryLimitBytes, within(2.0));
    }

    /** One affected series of {@code family}, with and without the incident. */
    private record IncidentOutcome(
            Series series,
            double calmDuring,
            double hitDuring,
            double calmRate,
            double hitRate,
            double load,
            long distinctDuring) {}

    private static IncidentOutcome outcome(IncidentKind kind, MetricFamily family) {
        Fleet fleet = new Fleet(SERIES, 21);
        long from = START + 10 * MINUTE;
        long until = START + 60 * MINUTE;
        Incident incident = Incident.choose(kind, fleet, 21, 3, from, until);
        Series series =
                incident.series().stream()
                        .filter(s -> s.family() == family)
                        .findFirst()
                        .orElseThrow();
        MetricTrafficModel calm = new MetricTrafficModel(fleet, 21, START, Optional.empty());
        MetricTrafficModel hit = new MetricTrafficModel(fleet, 21, START, Optional.of(incident));
        double[] c = new double[60];
        double[] h = new double[60];
        for (int k = 0; k < 60; k++) {
            c[k] = calm.sample(series.index(), START + k * MINUTE);
            h[k] = hit.sample(series.index(), START + k * MINUTE);
        }
        // Sample 40 is 30 minutes into the incident, well past any ramp; rates over 30..50.
        assertThat(calm.restartsUntil(series.instance(), START + 50 * MINUTE))
                .as("a restart would spoil the rates")
                .isEqualTo(calm.restartsUntil(series.instance(), START + 30 * MINUTE));
        long distinct = java.util.Arrays.stream(h, 11, 60).distinct().count();
        double load = MetricTrafficModel.load(series.instance(), START + 40 * MINUTE);
        return new IncidentOutcome(
                series,
                c[40],
                h[40],
                (c[50] - c[30]) / 1200.0,
                (h[50] - h[30]) / 1200.0,
                load,
                distinct);
    }
}
