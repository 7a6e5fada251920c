package dev.guardian.billing.eval;

import dev.guardian.billing.forecast.CostForecaster;
import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.ForecastDefaults;
import dev.guardian.billing.forecast.SeriesWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rolling-origin evaluation as {@code shared/data/EVAL.md} defines it: the first origin after four
 * weeks of history, then one every 24 hours; at each origin the forecaster sees only the past (at
 * most the history the job keeps) and predicts the next 24 hours. MASE here is the sum of absolute
 * errors over the sum of the seasonal-naive (one week earlier) absolute errors on the same points;
 * coverage is the share of actual values inside the 80% / 95% intervals. Month-end: at each origin
 * whose month lies wholly in the data, the absolute percentage error of the month's total (actual
 * so far + forecast remainder).
 */
public final class RollingOriginEvaluation {

    /** Sums over forecast points; add results of several series to pool them. */
    public static final class Score {
        public double absError;
        public double naiveAbsError;
        public long points;
        public long inside80;
        public long inside95;
        public long origins;
        public double monthEndApeSum;
        public long monthEndOrigins;

        public void add(Score o) {
            absError += o.absError;
            naiveAbsError += o.naiveAbsError;
            points += o.points;
            inside80 += o.inside80;
            inside95 += o.inside95;
            origins += o.origins;
            monthEndApeSum += o.monthEndApeSum;
            monthEndOrigins += o.monthEndOrigins;
        }

        public double mase() {
            return naiveAbsError == 0 ? Double.NaN : absError / naiveAbsError;
        }

        public double coverage80() {
            return points == 0 ? Double.NaN : inside80 / (double) points;
        }

        public double coverage95() {
            return points == 0 ? Double.NaN : inside95 / (double) points;
        }

        /** Mean absolute percentage error of the month total, NaN without a complete month. */
        public double monthEndApe() {
            return monthEndOrigins == 0 ? Double.NaN : monthEndApeSum / monthEndOrigins;
        }
    }

    private final CostForecaster forecaster;
    private final int historyDays;

    public RollingOriginEvaluation(CostForecaster forecaster, int historyDays) {
        this.forecaster = forecaster;
        this.historyDays = historyDays;
    }

    public RollingOriginEvaluation(CostForecaster forecaster) {
        this(forecaster, ForecastDefaults.HISTORY_DAYS);
    }

    public Score evaluate(Series series) {
        double[] x = series.values;
        int d = (int) (86_400_000L / series.stepMillis);
        int week = 7 * d;
        int horizon = (int) (ForecastDefaults.HORIZON_MILLIS / series.stepMillis);
        int cap = historyDays * d;
        List<Integer> origins = new ArrayList<>();
        for (int t = 4 * week; t + horizon <= x.length; t += d) {
            origins.add(t);
        }
        List<SeriesWindow> windows = new ArrayList<>();
        for (int t : origins) {
            long origin = series.startMillis + t * series.stepMillis;
            windows.add(
                    new SeriesWindow(
                            Arrays.copyOfRange(x, Math.max(0, t - cap), t),
                            origin,
                            series.stepMillis,
                            horizon,
                            ForecastDefaults.stepsToMonthEnd(origin, series.stepMillis)));
        }
        List<ForecastBands> results = forecaster.forecast(windows);
        Score score = new Score();
        long seriesEnd = series.startMillis + x.length * series.stepMillis;
        for (int i = 0; i < origins.size(); i++) {
            int t = origins.get(i);
            ForecastBands f = results.get(i);
            score.origins++;
            for (int h = 0; h < horizon; h++) {
                double y = x[t + h];
                score.absError += Math.abs(y - f.expected[h]);
                score.naiveAbsError += Math.abs(y - x[t + h - week]);
                score.points++;
                if (y >= f.lower80[h] && y <= f.upper80[h]) {
                    score.inside80++;
                }
                if (y >= f.lower95[h] && y <= f.upper95[h]) {
                    score.inside95++;
                }
            }
            long origin = windows.get(i).originMillis();
            long monthStart = ForecastDefaults.monthStart(origin);
            long monthEnd = ForecastDefaults.monthEnd(origin);
            if (monthStart >= series.startMillis && monthEnd <= seriesEnd && origin > monthStart) {
                int from = (int) ((monthStart - series.startMillis) / series.stepMillis);
                int to = (int) ((monthEnd - series.startMillis) / series.stepMillis);
                double actual = 0;
                double soFar = 0;
                for (int s = from; s < to; s++) {
                    actual += x[s];
                    if (s < t) {
                        soFar += x[s];
                    }
                }
                if (actual != 0) {
                    double predicted = soFar + f.monthRemainder[0];
                    score.monthEndApeSum += Math.abs(predicted - actual) / Math.abs(actual);
                    score.monthEndOrigins++;
                }
            }
        }
        return score;
    }
}
