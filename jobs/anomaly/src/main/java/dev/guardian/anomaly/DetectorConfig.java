package dev.guardian.anomaly;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of the per-series anomaly scorer; the defaults are the job's configuration, the one
 * scored on NAB. One threshold for every series: a point alerts when its score reaches {@link
 * #threshold()}.
 */
public final class DetectorConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The job's default configuration. */
    public static final DetectorConfig DEFAULTS = builder().build();

    private final DetectorKind detector;
    private final double threshold;
    private final int warmupPoints;
    private final int cooldownPoints;
    private final double gapFactor;
    private final int windowPoints;
    private final int normaliserHorizon;

    private DetectorConfig(Builder b) {
        this.detector = b.detector;
        this.threshold = b.threshold;
        this.warmupPoints = b.warmupPoints;
        this.cooldownPoints = b.cooldownPoints;
        this.gapFactor = b.gapFactor;
        this.windowPoints = b.windowPoints;
        this.normaliserHorizon = b.normaliserHorizon;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.detector = detector;
        b.threshold = threshold;
        b.warmupPoints = warmupPoints;
        b.cooldownPoints = cooldownPoints;
        b.gapFactor = gapFactor;
        b.windowPoints = windowPoints;
        b.normaliserHorizon = normaliserHorizon;
        return b;
    }

    /** Which detector models each series. Default {@link DetectorKind#ENSEMBLE}. */
    public DetectorKind detector() {
        return detector;
    }

    /** A point alerts when its score is at least this. Default 0.9999. */
    public double threshold() {
        return threshold;
    }

    /** Points a series must have before it may alert. Default 150. */
    public int warmupPoints() {
        return warmupPoints;
    }

    /**
     * Points after an alert during which the series does not alert again: one incident, one alert.
     * Default 300.
     */
    public int cooldownPoints() {
        return cooldownPoints;
    }

    /** A pause longer than this many typical intervals is a gap. Default 5. */
    public double gapFactor() {
        return gapFactor;
    }

    /** Length of the sliding window of robust statistics, in points. Default 256. */
    public int windowPoints() {
        return windowPoints;
    }

    /** Memory, in points, of the per-feature score normalisers. Default 1000. */
    public int normaliserHorizon() {
        return normaliserHorizon;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DetectorConfig)) {
            return false;
        }
        DetectorConfig c = (DetectorConfig) o;
        return detector == c.detector
                && threshold == c.threshold
                && warmupPoints == c.warmupPoints
                && cooldownPoints == c.cooldownPoints
                && gapFactor == c.gapFactor
                && windowPoints == c.windowPoints
                && normaliserHorizon == c.normaliserHorizon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                detector,
                threshold,
                warmupPoints,
                cooldownPoints,
                gapFactor,
                windowPoints,
                normaliserHorizon);
    }

    @Override
    public String toString() {
        return "DetectorConfig{detector="
                + detector.label()
                + ", threshold="
                + threshold
                + ", warmupPoints="
                + warmupPoints
                + ", cooldownPoints="
                + cooldownPoints
                + ", gapFactor="
                + gapFactor
                + ", windowPoints="
                + windowPoints
                + ", normaliserHorizon="
                + normaliserHorizon
                + "}";
    }

    /** Builds a configuration; every setter validates its value. */
    public static final class Builder {
        private DetectorKind detector = DetectorKind.ENSEMBLE;
        private double threshold = 0.9999;
        private int warmupPoints = 150;
        private int cooldownPoints = 300;
        private double gapFactor = 5.0;
        private int windowPoints = 256;
        private int normaliserHorizon = 1000;

        private Builder() {}

        public Builder detector(DetectorKind value) {
            detector = Objects.requireNonNull(value, "detector");
            return this;
        }

        public Builder threshold(double value) {
            require(value > 0 && value <= 1, "threshold must be in (0, 1]: " + value);
            threshold = value;
            return this;
        }

        public Builder warmupPoints(int value) {
            require(value >= 0, "warmupPoints must not be negative: " + value);
            warmupPoints = value;
            return this;
        }

        public Builder cooldownPoints(int value) {
            require(value >= 0, "cooldownPoints must not be negative: " + value);
            cooldownPoints = value;
            return this;
        }

        public Builder gapFactor(double value) {
            require(value > 1, "gapFactor must be above 1: " + value);
            gapFactor = value;
            return this;
        }

        public Builder windowPoints(int value) {
            require(value >= 16, "windowPoints must be at least 16: " + value);
            windowPoints = value;
            return this;
        }

        public Builder normaliserHorizon(int value) {
            require(value >= 10, "normaliserHorizon must be at least 10: " + value);
            normaliserHorizon = value;
            return this;
        }

        public DetectorConfig build() {
            return new DetectorConfig(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
