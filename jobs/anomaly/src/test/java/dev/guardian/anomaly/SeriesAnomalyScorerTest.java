package dev.guardian.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesAnomalyScorerTest {

    private static final DetectorConfig CONFIG = DetectorConfig.DEFAULTS;
    private static final int HISTORY = 4 * SyntheticSeries.POINTS_PER_DAY;

    /** Feeds a normal history, then {@code tail} overrides values from index HISTORY on. */
    private static List<AnomalyResult> run(DetectorConfig config, int extra, Tail tail) {
        SyntheticSeries series = new SyntheticSeries(7, 20, 1);
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(config);
        List<AnomalyResult> results = new ArrayList<>();
        for (int i = 0; i < HISTORY + extra; i++) {
            double normal = series.normal(i);
            double value = i < HISTORY ? normal : tail.value(i - HISTORY, normal);
            results.add(scorer.feed(SyntheticSeries.time(i), value));
        }
        return results;
    }

    interface Tail {
        double value(int index, double normal);
    }

    private static List<Integer> alerts(List<AnomalyResult> results, int from) {
        List<Integer> alerts = new ArrayList<>();
        for (int i = from; i < results.size(); i++) {
            if (results.get(i).alert()) {
                alerts.add(i);
            }
        }
        return alerts;
    }

    @Test
    void ordinaryNoisySeasonalSeriesDoesNotAlertAfterWarmUp() {
        List<AnomalyResult> results = run(CONFIG, 2 * SyntheticSeries.POINTS_PER_DAY, (i, n) -> n);
        assertThat(alerts(results, 2 * SyntheticSeries.POINTS_PER_DAY)).isEmpty();
        assertThat(results.get(results.size() - 1).expected()).isBetween(60.0, 140.0);
    }

    @Test
    void spikeAlertsOnTheSpikeAndExplainsIt() {
        List<AnomalyResult> results = run(CONFIG, 100, (i, n) -> i == 50 ? n + 40 : n);
        AnomalyResult spike = results.get(HISTORY + 50);
        assertThat(spike.alert()).isTrue();
        assertThat(spike.score()).isGreaterThanOrEqualTo(CONFIG.threshold());
        assertThat(spike.expected()).isBetween(spike.value() - 55, spike.value() - 25);
        assertThat(spike.upper()).isLessThan(spike.value());
        assertThat(spike.feature()).isNotEmpty();
        assertThat(spike.detector()).isEqualTo("ensemble");
        assertThat(alerts(results, 2 * SyntheticSeries.POINTS_PER_DAY))
                .containsExactly(HISTORY + 50);
    }

    @Test
    void levelShiftAlertsWithinAFewPoints() {
        List<AnomalyResult> results = run(CONFIG, 100, (i, n) -> i >= 20 ? n + 15 : n);
        assertThat(alerts(results, 2 * SyntheticSeries.POINTS_PER_DAY))
                .singleElement()
                .satisfies(i -> assertThat(i).isBetween(HISTORY + 20, HISTORY + 30));
    }

    @Test
    void flatLineAlerts() {
        List<AnomalyResult> results = run(CONFIG, 200, (i, n) -> i >= 10 ? 100.0 : n);
        assertThat(alerts(results, 2 * SyntheticSeries.POINTS_PER_DAY))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i).isBetween(HISTORY + 10, HISTORY + 200));
    }

    @Test
    void constantSeriesNeverAlerts() {
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(CONFIG);
        for (int i = 0; i < 2000; i++) {
            assertThat(scorer.feed(SyntheticSeries.time(i), 42.0).alert()).isFalse();
        }
    }

    @Test
    void noAlertWhileWarmingUpEvenOnAnOutlier() {
        SyntheticSeries series = new SyntheticSeries(3, 20, 1);
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(CONFIG);
        for (int i = 0; i < CONFIG.warmupPoints(); i++) {
            double value = i == CONFIG.warmupPoints() - 5 ? 1e6 : series.normal(i);
            AnomalyResult r = scorer.feed(SyntheticSeries.time(i), value);
            assertThat(r.alert()).isFalse();
            assertThat(r.status()).isEqualTo(PointStatus.WARMING_UP);
            assertThat(r.score()).isLessThan(CONFIG.threshold());
        }
    }

    @Test
    void cooldownHoldsBackRepeatedAlerts() {
        List<AnomalyResult> results = run(CONFIG, 100, (i, n) -> i == 10 || i == 20 ? n + 60 : n);
        assertThat(results.get(HISTORY + 10).alert()).isTrue();
        AnomalyResult second = results.get(HISTORY + 20);
        assertThat(second.alert()).isFalse();
        assertThat(second.status()).isEqualTo(PointStatus.COOLDOWN);
        assertThat(second.rawScore()).isGreaterThanOrEqualTo(CONFIG.threshold());
        assertThat(second.score()).isLessThan(CONFIG.threshold());
    }

    @Test
    void gapIsMarkedAndDoesNotAlertByItself() {
        SyntheticSeries series = new SyntheticSeries(11, 20, 1);
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(CONFIG);
        List<AnomalyResult> results = new ArrayList<>();
        for (int i = 0; i < HISTORY + 200; i++) {
            if (i >= HISTORY && i < HISTORY + 72) {
                series.normal(i); // six hours without data
                continue;
            }
            results.add(scorer.feed(SyntheticSeries.time(i), series.normal(i)));
        }
        AnomalyResult afterGap = results.get(HISTORY);
        assertThat(afterGap.status()).isEqualTo(PointStatus.GAP);
        assertThat(alerts(results, 2 * SyntheticSeries.POINTS_PER_DAY)).isEmpty();
    }

    @Test
    void counterResetIsNotAnAnomaly() {
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(CONFIG, SeriesKind.COUNTER);
        java.util.Random random = new java.util.Random(5);
        double total = 0;
        List<AnomalyResult> results = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            total += 3000 + random.nextGaussian() * 100; // about 10 per second
            if (i == 1000) {
                total = 2900; // the process restarted
            }
            results.add(scorer.feed(SyntheticSeries.time(i), total));
        }
        assertThat(results.get(0).status()).isEqualTo(PointStatus.WARMING_UP);
        assertThat(results.get(1000).status()).isEqualTo(PointStatus.COUNTER_RESET);
        assertThat(results.get(1000).value()).isBetween(9.0, 11.0);
        assertThat(results.get(999).value()).isBetween(9.0, 11.0);
        assertThat(alerts(results, 0)).isEmpty();
    }

    @Test
    void missingAndLateValuesAreIgnored() {
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(CONFIG);
        scorer.feed(SyntheticSeries.time(10), 1.0);
        assertThat(scorer.feed(SyntheticSeries.time(11), Double.NaN).status())
                .isEqualTo(PointStatus.MISSING);
        assertThat(scorer.feed(SyntheticSeries.time(5), 1.0).status())
                .isEqualTo(PointStatus.OUT_OF_ORDER);
        assertThat(scorer.points()).isEqualTo(1);
    }
}
