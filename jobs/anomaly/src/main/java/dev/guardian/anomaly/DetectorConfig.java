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
    private final int rcfTrees;
    private final int rcfSampleSize;
    private final int rcfShingleSize;
    private final long rcfSeed;

    private DetectorConfig(Builder b) {
        this.detector = b.detector;
        this.threshold = b.threshold;
        this.warmupPoints = b.warmupPoints;
        this.cooldownPoints = b.cooldownPoints;
        this.gapFactor = b.gapFactor;
        this.windowPoints = b.windowPoints;
        this.normaliserHorizon = b.normaliserHorizon;
        this.rcfTrees = b.rcfTrees;
        this.rcfSampleSize = b.rcfSampleSize;
        this.rcfShingleSize = b.rcfShingleSize;
        this.rcfSeed = b.rcfSeed;
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
        b.rcfTrees = rcfTrees;
        b.rcfSampleSize = rcfSampleSize;
        b.rcfShingleSize = rcfShingleSize;
        b.rcfSeed = rcfSeed;
        return b;
    }

    /** Which detector models each series. Default {@link DetectorKind#ENSEMBLE}. */
    public DetectorKind detector() {
        return detector;
    }

    /** A point alerts when its score is at least this. Default 0.65. */
    public double threshold() {
        return threshold;
    }

    /** Points a series must have before it may alert. Default 150. */
    public int warmupPoints() {
        return warmupPoints;
    }

    /**
     * Points after an alert during which the series does not alert again: one incident, one alert.
     * Default 100.
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

    /**
     * Memory, in points, of the per-feature score normalisers (how long an extreme stays the
     * reference). Default 3000.
     */
    public int normaliserHorizon() {
        return normaliserHorizon;
    }

    /** Trees of the Random Cut Forest detector. Default 50. */
    public int rcfTrees() {
        return rcfTrees;
    }

    /** Points each Random Cut Forest tree samples. Default 256. */
    public int rcfSampleSize() {
        return rcfSampleSize;
    }

    /** Consecutive points the Random Cut Forest sees as one vector. Default 8. */
    public int rcfShingleSize() {
        return rcfShingleSize;
    }

    /** Seed of the Random Cut Forest, so runs and restores repeat exactly. Default 42. */
    public long rcfSeed() {
        return rcfSeed;
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
                && normaliserHorizon == c.normaliserHorizon
                && rcfTrees == c.rcfTrees
                && rcfSampleSize == c.rcfSampleSize
                && rcfShingleSize == c.rcfShingleSize
                && rcfSeed == c.rcfSeed;
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
                normaliserHorizon,
                rcfTrees,
                rcfSampleSize,
                rcfShingleSize,
                rcfSeed);
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
                + ", rcfTrees="
                + rcfTrees
                + ", rcfSampleSize="
                + rcfSampleSize
                + ", rcfShingleSize="
                + rcfShingleSize
                + ", rcfSeed="
                + rcfSeed
                + "}";
    }

    /** Builds a configuration; every setter validates its value. */
    public static final class Builder {
        private DetectorKind detector = DetectorKind.ENSEMBLE;
        private double threshold = 0.65;
        private int warmupPoints = 150;
        private int cooldownPoints = 100;
        private double gapFactor = 5.0;
        private int windowPoints = 256;
        private int normaliserHorizon = 3000;
        private int rcfTrees = 50;
        private int rcfSampleSize = 256;
        private int rcfShingleSize = 8;
        private long rcfSeed = 42;

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

        public Builder rcfTrees(int value) {
            require(value >= 1, "rcfTrees is out of range: " + value);
            rcfTrees = value;
            return this;
        }

        public Builder rcfSampleSize(int value) {
            require(value >= 16, "rcfSampleSize is out of range: " + value);
            rcfSampleSize = value;
            return this;
        }

        public Builder rcfShingleSize(int value) {
            require(value >= 1, "rcfShingleSize is out of range: " + value);
            rcfShingleSize = value;
            return this;
        }

        public Builder rcfSeed(long value) {
            require(true, "rcfSeed is out of range: " + value);
            rcfSeed = value;
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
