package dev.guardian.billing.model;

import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.SeriesWindow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What the cost model sees at one origin, scale-free so one model serves every key: the last week
 * of hourly cost, the statistical forecaster's next 24 hours and the widths of its 80% and 95%
 * intervals (all divided by the last week's mean), and the hour of day and day of week of the
 * origin (one-hot). The model predicts, per hour ahead, five quantiles of the statistical
 * forecast's error in the same scale: it learns corrections and honest intervals on top of a strong
 * baseline rather than the series from scratch.
 */
public final class CostModelFeatures {

    public static final int WEEK = 168;
    public static final int HORIZON = 24;
    public static final float[] QUANTILES = {0.025f, 0.1f, 0.5f, 0.9f, 0.975f};
    public static final int INPUTS = WEEK + 3 * HORIZON + 24 + 7;
    public static final int OUTPUTS = HORIZON * QUANTILES.length;

    private CostModelFeatures() {}

    /** Whether the model can forecast this window (hourly, a week of history, 24 h ahead). */
    public static boolean applies(SeriesWindow w) {
        return w.stepMillis() == 3_600_000L
                && w.length() >= WEEK
                && w.horizon() == HORIZON
                && scale(w.history()) > 0;
    }

    /** Mean of the last week: the unit of every input and output. */
    public static double scale(double[] x) {
        double sum = 0;
        for (int i = x.length - WEEK; i < x.length; i++) {
            sum += Math.abs(x[i]);
        }
        return sum / WEEK;
    }

    /** Writes the window's inputs into {@code row} at {@code offset}. */
    public static void inputs(SeriesWindow w, ForecastBands baseline, float[] row, int offset) {
        double[] x = w.history();
        double scale = scale(x);
        int i = offset;
        for (int s = x.length - WEEK; s < x.length; s++) {
            row[i++] = (float) (x[s] / scale);
        }
        for (int h = 0; h < HORIZON; h++) {
            row[i++] = (float) (baseline.expected[h] / scale);
        }
        for (int h = 0; h < HORIZON; h++) {
            row[i++] = (float) ((baseline.upper80[h] - baseline.lower80[h]) / scale);
        }
        for (int h = 0; h < HORIZON; h++) {
            row[i++] = (float) ((baseline.upper95[h] - baseline.lower95[h]) / scale);
        }
        ZonedDateTime origin = Instant.ofEpochMilli(w.originMillis()).atZone(ZoneOffset.UTC);
        row[i + origin.getHour()] = 1;
        i += 24;
        row[i + origin.getDayOfWeek().getValue() - 1] = 1;
    }

    /** The training target: the baseline's error per hour ahead, in the window's scale. */
    public static void targets(
            SeriesWindow w, ForecastBands baseline, double[] actual, float[] row, int offset) {
        double scale = scale(w.history());
        for (int h = 0; h < HORIZON; h++) {
            row[offset + h] = (float) ((actual[h] - baseline.expected[h]) / scale);
        }
    }
}
