package dev.guardian.anomaly.detectors;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Scores a measure against the highest value it reached in the series' recent past (a peak that
 * decays slowly): {@code 0.5 * measure / peak}, capped at 1. A score of 0.5 means "as extreme as
 * the most extreme point of the recent past"; anomalies are what the series has not done before.
 * The peak decays with the horizon, so a series that calms down becomes sensitive again.
 */
public final class RecordNormaliser {

    /**
     * The peak may grow at most this much per point, so one wild point does not blind the series
     * for the whole horizon while a lasting rise still lifts the peak within a few points.
     */
    static final double GROWTH = 1.2;

    private final double decay;
    private final int minPoints;

    /**
     * Floor for robust z-scores: a point within about four standard deviations (at the default
     * threshold, 1.3 times this) never alerts, however calm the series has been.
     */
    public static final double Z_FLOOR = 3.0;

    private double peak;
    private long seen;

    private final double floor;

    /**
     * @param horizon points over which the peak decays by 1/e
     * @param minPoints points to learn before scoring
     * @param floor the peak is never taken below this: measures under it are never extreme
     */
    public RecordNormaliser(int horizon, int minPoints, double floor) {
        this.decay = 1.0 - 1.0 / horizon;
        this.minPoints = minPoints;
        this.floor = floor;
    }

    public double update(double measure) {
        double x = Math.max(0.0, measure);
        double reference = Math.max(peak, floor);
        double score =
                seen < minPoints || reference <= 0 ? 0.0 : Math.min(1.0, 0.5 * x / reference);
        double cap = seen < minPoints || peak <= 0 ? x : peak * GROWTH;
        peak = Math.max(Math.min(x, cap), peak * decay);
        seen++;
        return score;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(seen);
        out.writeDouble(peak);
    }

    public void readFrom(DataInput in) throws IOException {
        seen = in.readLong();
        peak = in.readDouble();
    }
}
