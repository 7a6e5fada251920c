package dev.guardian.billing.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.eval.RollingOriginEvaluation;
import dev.guardian.billing.eval.Series;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalForecasterTest {

    private static final long HOUR = 3_600_000L;
    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    /** Daily and weekly seasonality, 0.3%/day growth, 5% noise, and a level shift. */
    static Series seasonal(int days, long seed) {
        Random random = new Random(seed);
        double[] x = new double[days * 24];
        for (int i = 0; i < x.length; i++) {
            double daily = 1 + 0.4 * Math.cos(2 * Math.PI * (i % 24 - 15) / 24.0);
            double weekly = (i / 24) % 7 >= 5 ? 0.7 : 1;
            double growth = Math.pow(1.003, i / 24.0);
            double shift = i > 40 * 24 ? 1.15 : 1;
            x[i] = 100 * daily * weekly * growth * shift * Math.exp(0.05 * random.nextGaussian());
        }
        return new Series("synthetic", START, HOUR, x);
    }

    @Test
    void beatsSeasonalNaiveWithHonestIntervals() {
        RollingOriginEvaluation.Score score =
                new RollingOriginEvaluation(new SeasonalForecaster()).evaluate(seasonal(56, 1));

        assertThat(score.origins).isEqualTo(28);
        assertThat(score.mase()).isLessThan(0.85);
        assertThat(score.coverage80()).isBetween(0.70, 0.90);
        assertThat(score.coverage95()).isBetween(0.88, 1.0);
    }

    @Test
    void bandsAreOrderedAndNonNegativeForCost() {
        Series s = seasonal(35, 2);
        ForecastBands f =
                new SeasonalForecaster()
                        .forecast(
                                new SeriesWindow(
                                        s.values,
                                        START + s.values.length * HOUR,
                                        HOUR,
                                        24,
                                        ForecastDefaults.stepsToMonthEnd(
                                                START + s.values.length * HOUR, HOUR)));

        for (int h = 0; h < 24; h++) {
            assertThat(f.lower95[h]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(f.lower80[h]);
            assertThat(f.lower80[h]).isLessThanOrEqualTo(f.upper80[h]);
            assertThat(f.upper80[h]).isLessThanOrEqualTo(f.upper95[h]);
        }
        // the month's remainder is the sum of the rest of the month's expected hours
        assertThat(f.monthRemainder[0]).isGreaterThan(f.expected[0]);
        assertThat(f.monthRemainder[3]).isLessThanOrEqualTo(f.monthRemainder[0]);
        assertThat(f.monthRemainder[4]).isGreaterThanOrEqualTo(f.monthRemainder[0]);
    }

    @Test
    void aShortHistoryStillForecastsTheDailyShape() {
        Series s = seasonal(3, 3);
        ForecastBands f =
                new SeasonalForecaster()
                        .forecast(new SeriesWindow(s.values, START + 72 * HOUR, HOUR, 24, 0));

        // the afternoon peak (15:00) is above the night (03:00)
        assertThat(f.expected[15]).isGreaterThan(f.expected[3] * 1.3);
    }
}
