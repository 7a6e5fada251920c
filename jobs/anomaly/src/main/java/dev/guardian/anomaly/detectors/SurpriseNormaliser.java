package dev.guardian.anomaly.detectors;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns a raw anomaly measure of one series into a surprise in 0..1 that means the same for every
 * series: how far in the upper tail of this series' own history the measure lies. A series that is
 * always jumpy learns a wide distribution, so only its exceptional jumps surprise.
 *
 * <p>The measure's log is tracked with an exponentially weighted mean and variance (the first
 * points weigh equally, later ones decay with {@code horizon}); the surprise is the normal CDF of
 * the standardised measure, like Numenta's anomaly likelihood.
 */
public final class SurpriseNormaliser {

    private final int horizon;
    private final double minStd;
    private long count;
    private double mean;
    private double variance;

    public SurpriseNormaliser(int horizon, double minStd) {
        this.horizon = horizon;
        this.minStd = minStd;
    }

    /** The surprise of {@code measure} (non-negative) against the past; then learns it. */
    public double update(double measure) {
        double x = Math.log1p(Math.max(0.0, Math.min(measure, 1e12)));
        double surprise = surprise(x);
        double delta = x - mean;
        double alpha = count < horizon ? 1.0 / (count + 1) : 1.0 / horizon;
        mean += alpha * delta;
        variance = (1 - alpha) * (variance + alpha * delta * delta);
        count++;
        return surprise;
    }

    private double surprise(double x) {
        if (count < 2) {
            return 0.0;
        }
        double std = Math.max(Math.sqrt(variance), minStd);
        return 1.0 - RobustStats.normalTail((x - mean) / std);
    }

    public long count() {
        return count;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(variance);
    }

    public void readFrom(DataInput in) throws IOException {
        count = in.readLong();
        mean = in.readDouble();
        variance = in.readDouble();
    }
}
