package dev.guardian.metrics.anomaly;

import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AnomalyGrade;

/** Grade of an anomaly from its score, and the severity of the alert it raises. */
public final class AnomalyGrades {

    private AnomalyGrades() {}

    /**
     * Grade of a score at or above the threshold. Scores are relative to the series' own recent
     * extremes (0.5 = as extreme as the most extreme recent point), so the grades are cut there.
     */
    public static AnomalyGrade grade(double score) {
        if (score >= 0.95) {
            return AnomalyGrade.CRITICAL;
        }
        if (score >= 0.85) {
            return AnomalyGrade.HIGH;
        }
        if (score >= 0.75) {
            return AnomalyGrade.MEDIUM;
        }
        return AnomalyGrade.LOW;
    }

    public static AlertSeverity severity(AnomalyGrade grade) {
        switch (grade) {
            case CRITICAL:
                return AlertSeverity.CRITICAL;
            case HIGH:
                return AlertSeverity.ERROR;
            case MEDIUM:
                return AlertSeverity.WARNING;
            default:
                return AlertSeverity.INFO;
        }
    }
}
