package dev.guardian.billing.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A seasonal forecaster that needs no training: an ensemble of seasonal profiles (the same time of
 * day and week over the last 1, 2 or 4 weeks, mean or median; the same time of day over the last
 * ten weekdays or weekend days, or the last seven days) scaled to the recent level (last day, last
 * three days, and a last-hours ratio that fades with the horizon). At every origin the candidates
 * are scored on back-tests inside the history the forecaster was given (rolling origins over the
 * last two weeks), the three best are averaged with weights 1/MAE, and the prediction intervals are
 * the empirical quantiles of the ensemble's own back-test errors, relative to the forecast and per
 * horizon band (a split-conformal interval). Nothing is fitted outside the history passed in, so it
 * is safe to evaluate on any series.
 *
 * <p>Cost: O(history × weeks + candidates × back-test origins × horizon), about 0.1 ms for six
 * weeks of hourly history.
 */
public final class SeasonalForecaster implements CostForecaster, Serializable {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "seasonal-ensemble";

    static final int BACKTEST_DAYS = 14;
    static final int ORIGINS_PER_DAY = 4;
    static final int ENSEMBLE_SIZE = 3;

    /** Errors of one back-test origin count as this many independent samples (about 6 h apart). */
    static final int INDEPENDENT_PER_ORIGIN = 4;

    static final double[] RECENT_DECAY_PER_HOUR = {0.0, 0.8, 0.95};
    static final int[] LEVEL_DAYS = {1, 3};

    /** The seasonal bases: weeks of history and how they are combined. */
    enum Base {
        LAST_WEEK(1, false, 0),
        MEAN_2_WEEKS(2, false, 0),
        MEAN_4_WEEKS(4, false, 0),
        MEDIAN_4_WEEKS(4, true, 0),
        /** Same time of day on the last 10 days of the same kind (weekday or weekend). */
        DAY_TYPE_10(0, false, 10),
        /** Same time of day on each of the last 7 days. */
        DAILY_7(0, false, -7);

        final int weeks;
        final boolean median;

        /** >0: days of the same type; <0: any of the last -n days; 0: weekly lags. */
        final int days;

        Base(int weeks, boolean median, int days) {
            this.weeks = weeks;
            this.median = median;
            this.days = days;
        }
    }

    /** One member of the ensemble: a base, optionally rescaled to the recent level. */
    static final class Candidate {
        final Base base;
        final int levelDays; // 0: no rescaling
        final double recentDecayPerHour; // 0: no short-term correction

        Candidate(Base base, int levelDays, double recentDecayPerHour) {
            this.base = base;
            this.levelDays = levelDays;
            this.recentDecayPerHour = recentDecayPerHour;
        }

        @Override
        public String toString() {
            return base + "/level" + levelDays + "d/recent" + recentDecayPerHour;
        }
    }

    static final List<Candidate> CANDIDATES = candidates();

    private static List<Candidate> candidates() {
        List<Candidate> all = new ArrayList<>();
        for (Base base : Base.values()) {
            all.add(new Candidate(base, 0, 0));
            for (int days : LEVEL_DAYS) {
                for (double decay : RECENT_DECAY_PER_HOUR) {
                    all.add(new Candidate(base, days, decay));
                }
            }
        }
        return List.copyOf(all);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "builtin-1";
    }

    @Override
    public ForecastBands forecast(SeriesWindow window) {
        return new Fit(window).bands();
    }

    /** One origin's computation: profiles, back-tests, ensemble, intervals. */
    static final class Fit {
        final double[] x;
        final int n;
        final int d;
        final int p;
        final int horizon;
        final int remainder;
        final double stepHours;
        final int far; // last index a profile is needed for (exclusive)
        final double[][] profile; // per base, index 0..far
        final double[] prefixX;
        final double[][] prefixProfile;
        final double floor;
        final boolean nonNegative;
        final long firstMillis;
        final long stepMillis;

        /** Saturday or Sunday (UTC) at index s. */
        boolean isWeekend(int s) {
            long day = Math.floorDiv(firstMillis + s * stepMillis, 86_400_000L);
            int dow = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday: 0 = Monday
            return dow >= 5;
        }

        Fit(SeriesWindow w) {
            firstMillis = w.originMillis() - w.length() * w.stepMillis();
            stepMillis = w.stepMillis();
            x = w.history();
            n = x.length;
            d = w.stepsPerDay();
            p = 7 * d;
            horizon = w.horizon();
            remainder = w.stepsToMonthEnd();
            stepHours = w.stepMillis() / 3_600_000.0;
            far = n + Math.max(horizon, remainder);
            profile = new double[Base.values().length][];
            prefixProfile = new double[Base.values().length][];
            for (Base base : Base.values()) {
                profile[base.ordinal()] = profile(base);
                prefixProfile[base.ordinal()] = prefix(profile[base.ordinal()], n);
            }
            prefixX = prefix(x, n);
            double recentAbs = 0;
            int from = Math.max(0, n - p);
            boolean allNonNegative = true;
            for (int i = 0; i < n; i++) {
                allNonNegative &= x[i] >= 0;
            }
            for (int i = from; i < n; i++) {
                recentAbs += Math.abs(x[i]);
            }
            floor = 0.05 * (n > from ? recentAbs / (n - from) : 0) + 1e-9;
            nonNegative = allNonNegative;
        }

        /**
         * The seasonal value at every index up to {@link #far}, from values at least a week (else a
         * day) earlier that are inside the history: at index s >= n the lags start at the first one
         * that reaches back before n.
         */
        double[] profile(Base base) {
            double[] out = new double[far];
            double[] lags = new double[Math.max(Math.max(base.weeks, 7), Math.abs(base.days))];
            for (int s = 0; s < far; s++) {
                int count = 0;
                if (base.days != 0) {
                    int j0 = s < n ? 1 : Math.max(1, ceilDiv(s - n + 1, d));
                    boolean weekend = isWeekend(s);
                    int wanted = Math.abs(base.days);
                    for (int j = j0; count < wanted && s - j * d >= 0 && j <= j0 + 21; j++) {
                        if (base.days < 0 || isWeekend(s - j * d) == weekend) {
                            lags[count++] = x[s - j * d];
                        }
                    }
                    out[s] =
                            count == 0
                                    ? (n == 0 ? 0 : x[Math.min(Math.max(s - 1, 0), n - 1)])
                                    : mean(lags, count);
                    continue;
                }
                int k0 = s < n ? 1 : Math.max(1, ceilDiv(s - n + 1, p));
                for (int k = k0; count < base.weeks && s - k * p >= 0; k++) {
                    lags[count++] = x[s - k * p];
                }
                if (count == 0) {
                    int j0 = s < n ? 1 : Math.max(1, ceilDiv(s - n + 1, d));
                    for (int j = j0; count < 7 && s - j * d >= 0; j++) {
                        lags[count++] = x[s - j * d];
                    }
                }
                if (count == 0) {
                    out[s] = n == 0 ? 0 : x[Math.min(Math.max(s - 1, 0), n - 1)];
                } else {
                    out[s] = base.median ? median(lags, count) : mean(lags, count);
                }
            }
            return out;
        }

        /** Ratio of actual to profile over [t - steps, t), clipped; 1 when undefined. */
        double ratio(Base base, int t, int steps) {
            int from = Math.max(0, t - steps);
            if (t - from <= 0) {
                return 1;
            }
            double[] pp = prefixProfile[base.ordinal()];
            double actual = prefixX[t] - prefixX[from];
            double expected = pp[t] - pp[from];
            if (Math.abs(expected) < 1e-12) {
                return 1;
            }
            return clip(actual / expected, 0.25, 4);
        }

        /** Candidate c's forecast for indices t .. t+steps-1 from history x[0..t). */
        double[] predict(Candidate c, int t, int steps) {
            double[] prof = profile[c.base.ordinal()];
            double[] out = new double[steps];
            double level = c.levelDays == 0 ? 1 : ratio(c.base, t, c.levelDays * d);
            double recent =
                    c.recentDecayPerHour == 0
                            ? level
                            : ratio(c.base, t, Math.max(1, (int) Math.round(3 / stepHours)));
            double decay = Math.pow(c.recentDecayPerHour, stepHours);
            double weight = 1;
            for (int h = 0; h < steps; h++) {
                weight *= decay;
                out[h] = prof[t + h] * (level + (recent - level) * weight);
            }
            return out;
        }

        ForecastBands bands() {
            List<Integer> origins = new ArrayList<>();
            int stride = Math.max(1, d / ORIGINS_PER_DAY);
            for (int b = n - horizon; b >= Math.max(d, n - horizon - BACKTEST_DAYS * d + 1); ) {
                origins.add(b);
                b -= stride;
            }
            int m = CANDIDATES.size();
            double[][][] backtests = new double[m][origins.size()][];
            double[] mae = new double[m];
            for (int c = 0; c < m; c++) {
                for (int j = 0; j < origins.size(); j++) {
                    int b = origins.get(j);
                    double[] f = predict(CANDIDATES.get(c), b, horizon);
                    backtests[c][j] = f;
                    for (int h = 0; h < horizon; h++) {
                        mae[c] += Math.abs(x[b + h] - f[h]);
                    }
                }
            }
            double[] weights = new double[m];
            if (origins.isEmpty()) {
                weights[indexOf(new Candidate(Base.MEAN_4_WEEKS, 1, 0.8))] = 1;
            } else {
                Integer[] order = new Integer[m];
                for (int c = 0; c < m; c++) {
                    order[c] = c;
                }
                Arrays.sort(order, Comparator.comparingDouble(c -> mae[c]));
                double total = 0;
                for (int i = 0; i < Math.min(ENSEMBLE_SIZE, m); i++) {
                    int c = order[i];
                    weights[c] = 1 / Math.max(mae[c], 1e-12);
                    total += weights[c];
                }
                for (int c = 0; c < m; c++) {
                    weights[c] /= total;
                }
            }
            int steps = Math.max(horizon, remainder);
            double[] expected = combine(weights, n, steps);

            // relative errors of the ensemble on the back-tests, per horizon band
            int bands = 32 - Integer.numberOfLeadingZeros(horizon);
            List<List<Double>> errors = new ArrayList<>();
            for (int i = 0; i < bands; i++) {
                errors.add(new ArrayList<>());
            }
            List<Double> dayErrors = new ArrayList<>();
            for (int j = 0; j < origins.size(); j++) {
                int b = origins.get(j);
                double sumError = 0;
                double sumForecast = 0;
                for (int h = 0; h < horizon; h++) {
                    double f = 0;
                    for (int c = 0; c < m; c++) {
                        if (weights[c] > 0) {
                            f += weights[c] * backtests[c][j][h];
                        }
                    }
                    errors.get(band(h + 1)).add((x[b + h] - f) / Math.max(Math.abs(f), floor));
                    sumError += x[b + h] - f;
                    sumForecast += f;
                }
                dayErrors.add(sumError / Math.max(Math.abs(sumForecast), floor * horizon));
            }
            double[] lo80 = new double[horizon];
            double[] hi80 = new double[horizon];
            double[] lo95 = new double[horizon];
            double[] hi95 = new double[horizon];
            double[][] quantiles = new double[bands][];
            for (int i = 0; i < bands; i++) {
                quantiles[i] =
                        quantiles(pooled(errors, i), INDEPENDENT_PER_ORIGIN * origins.size());
            }
            for (int h = 0; h < horizon; h++) {
                double[] q = quantiles[band(h + 1)];
                double f = expected[h];
                double scale = Math.max(Math.abs(f), floor);
                lo95[h] = f + scale * q[0];
                lo80[h] = f + scale * q[1];
                hi80[h] = f + scale * q[2];
                hi95[h] = f + scale * q[3];
            }
            double[] point = Arrays.copyOf(expected, horizon);
            if (nonNegative) {
                clampAtZero(point, lo95, lo80, hi80, hi95);
            }
            return new ForecastBands(
                    point, lo80, hi80, lo95, hi95, remainderTotals(expected, dayErrors));
        }

        double[] combine(double[] weights, int t, int steps) {
            double[] out = new double[steps];
            for (int c = 0; c < weights.length; c++) {
                if (weights[c] > 0) {
                    double[] f = predict(CANDIDATES.get(c), t, steps);
                    for (int h = 0; h < steps; h++) {
                        out[h] += weights[c] * f[h];
                    }
                }
            }
            return out;
        }

        /**
         * The month's remaining total: the sum of the forecast, with the relative error of a day's
         * total from the back-tests widened by the square root of the days left (days' errors taken
         * as independent).
         */
        double[] remainderTotals(double[] expected, List<Double> dayErrors) {
            double total = 0;
            for (int h = 0; h < remainder; h++) {
                total += nonNegative ? Math.max(0, expected[h]) : expected[h];
            }
            double[] q = quantiles(dayErrors, dayErrors.size());
            double days = Math.max(1, remainder / (double) d);
            double spread = Math.sqrt(days);
            double scale = Math.max(Math.abs(total), floor);
            double[] totals = {
                total,
                total + scale * q[1] * spread,
                total + scale * q[2] * spread,
                total + scale * q[0] * spread,
                total + scale * q[3] * spread
            };
            if (nonNegative) {
                for (int i = 1; i < totals.length; i++) {
                    totals[i] = Math.max(0, totals[i]);
                }
            }
            return totals;
        }

        int band(int lead) {
            return 31 - Integer.numberOfLeadingZeros(lead);
        }

        /** The band's errors, with its neighbours' while it has fewer than 40. */
        static List<Double> pooled(List<List<Double>> errors, int band) {
            List<Double> pool = new ArrayList<>(errors.get(band));
            for (int r = 1; pool.size() < 40 && r < errors.size(); r++) {
                if (band - r >= 0) {
                    pool.addAll(errors.get(band - r));
                }
                if (band + r < errors.size()) {
                    pool.addAll(errors.get(band + r));
                }
            }
            return pool;
        }

        static int indexOf(Candidate wanted) {
            for (int c = 0; c < CANDIDATES.size(); c++) {
                Candidate k = CANDIDATES.get(c);
                if (k.base == wanted.base
                        && k.levelDays == wanted.levelDays
                        && k.recentDecayPerHour == wanted.recentDecayPerHour) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no candidate " + wanted);
        }
    }

    /**
     * Conformal quantiles of relative errors for 2.5%, 10%, 90%, 97.5%, with no errors a wide
     * default (±60% / ±30%). Errors of one origin are strongly correlated, so the finite-sample
     * correction uses an effective number of independent samples m, not the number of errors: the
     * level q becomes ceil((m+1)q)/m of the pooled errors.
     */
    static double[] quantiles(List<Double> errors, int origins) {
        if (errors.size() < 5) {
            return new double[] {-0.6, -0.3, 0.3, 0.6};
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = Math.max(1, origins);
        return new double[] {
            empirical(sorted, 1 - corrected(0.975, m)),
            empirical(sorted, 1 - corrected(0.90, m)),
            empirical(sorted, corrected(0.90, m)),
            empirical(sorted, corrected(0.975, m))
        };
    }

    static double corrected(double q, int m) {
        return Math.min(1, Math.ceil((m + 1) * q) / m);
    }

    /** The q-quantile of sorted values, linearly interpolated. */
    static double empirical(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }

    static double upperOrderStatistic(double[] sorted, double q) {
        int k = (int) Math.ceil((sorted.length + 1) * q) - 1;
        return sorted[Math.min(sorted.length - 1, Math.max(0, k))];
    }

    static double lowerOrderStatistic(double[] sorted, double q) {
        int k = sorted.length - (int) Math.ceil((sorted.length + 1) * (1 - q));
        return sorted[Math.min(sorted.length - 1, Math.max(0, k))];
    }

    private static void clampAtZero(double[]... arrays) {
        for (double[] a : arrays) {
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.max(0, a[i]);
            }
        }
    }

    static double[] prefix(double[] values, int length) {
        double[] sums = new double[length + 1];
        for (int i = 0; i < length; i++) {
            sums[i + 1] = sums[i] + values[i];
        }
        return sums;
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }

    private static double median(double[] values, int count) {
        double[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return count % 2 == 1 ? copy[count / 2] : (copy[count / 2 - 1] + copy[count / 2]) / 2;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
