package dev.guardian.anomaly;

import dev.guardian.anomaly.detectors.EnsembleDetector;
import dev.guardian.anomaly.detectors.RandomCutForestDetector;
import dev.guardian.anomaly.detectors.SeasonalDetector;
import dev.guardian.anomaly.detectors.WindowDetector;
import java.io.DataInput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The detectors Guardian ships; each creates a fresh model and restores a saved one. The ordinal is
 * written into saved state: add new kinds at the end only.
 */
public enum DetectorKind {
    /** The default: cheap statistical detectors on several time scales, combined. */
    ENSEMBLE,
    /** Robust z-scores of values and of changes over a sliding window. */
    WINDOW,
    /** Robust seasonal baseline: the same time of day over the last days. */
    SEASONAL,
    /** Amazon's Random Cut Forest on shingled points (large state, slower). */
    RCF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public AnomalyDetector create(DetectorConfig config) {
        switch (this) {
            case ENSEMBLE:
                return new EnsembleDetector(config);
            case WINDOW:
                return new WindowDetector(config);
            case SEASONAL:
                return new SeasonalDetector(config);
            case RCF:
                return new RandomCutForestDetector(config);
            default:
                throw new IllegalStateException("no detector for " + this);
        }
    }

    /** Reads the state that {@link AnomalyDetector#writeState} wrote. */
    public AnomalyDetector restore(DetectorConfig config, DataInput in) throws IOException {
        AnomalyDetector detector = create(config);
        detector.readState(in);
        return detector;
    }

    public static DetectorKind parse(String label) {
        for (DetectorKind kind : values()) {
            if (kind.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown detector '"
                        + label
                        + "', expected one of "
                        + Arrays.stream(values())
                                .map(DetectorKind::label)
                                .collect(Collectors.joining(", ")));
    }
}
