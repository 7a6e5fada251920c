package dev.guardian.logs.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateBaselineTest {

    private static final double ALPHA = 1.0 / 30;

    @Test
    void learnsTheMeanAndSpreadOfSteadyCounts() {
        RateBaseline b = new RateBaseline();
        for (int i = 0; i < 200; i++) {
            b.observe(i % 2 == 0 ? 8 : 12, ALPHA, Double.MAX_VALUE);
        }
        assertThat(b.mean).isCloseTo(10, within(0.5));
        assertThat(b.variance).isCloseTo(4, within(1.0));
        assertThat(b.zScore(30)).isGreaterThan(5);
        assertThat(b.minutes).isEqualTo(200);
    }

    @Test
    void theFirstMinutesAverageEvenly() {
        RateBaseline b = new RateBaseline();
        b.observe(10, ALPHA, Double.MAX_VALUE);
        b.observe(20, ALPHA, Double.MAX_VALUE);
        assertThat(b.mean).isCloseTo(15, within(1e-9));
    }

    @Test
    void aQuietBaselineHasASpreadOfAtLeastOne() {
        RateBaseline b = new RateBaseline();
        for (int i = 0; i < 50; i++) {
            b.observe(0, ALPHA, Double.MAX_VALUE);
        }
        assertThat(b.spread()).isEqualTo(1.0);
        assertThat(b.zScore(3)).isEqualTo(3.0);
    }

    @Test
    void aCappedBurstMovesTheMeanOnlyToTheCap() {
        RateBaseline capped = new RateBaseline();
        RateBaseline uncapped = new RateBaseline();
        for (int i = 0; i < 100; i++) {
            capped.observe(5, ALPHA, Double.MAX_VALUE);
            uncapped.observe(5, ALPHA, Double.MAX_VALUE);
        }
        capped.observe(500, ALPHA, 15);
        uncapped.observe(500, ALPHA, Double.MAX_VALUE);
        assertThat(capped.mean).isLessThan(6);
        assertThat(uncapped.mean).isGreaterThan(20);
    }

    @Test
    void emptyMinutesDecayTheMeanEvenAcrossLongGaps() {
        RateBaseline stepwise = new RateBaseline();
        RateBaseline longGap = new RateBaseline();
        for (int i = 0; i < 100; i++) {
            stepwise.observe(10, ALPHA, Double.MAX_VALUE);
            longGap.observe(10, ALPHA, Double.MAX_VALUE);
        }
        stepwise.observeEmpty(30, ALPHA);
        assertThat(stepwise.mean).isCloseTo(10 * Math.pow(1 - ALPHA, 30), within(1e-6));

        longGap.observeEmpty(100_000, ALPHA);
        assertThat(longGap.mean).isLessThan(1e-6);
        assertThat(longGap.minutes).isEqualTo(100_100);
    }
}
