package dev.guardian.anomaly;

/**
 * The verdict on one point of one series, with its explanation.
 *
 * @param timestampMillis event time of the point
 * @param value the value that was scored: the point's value for a gauge, the per-second rate for a
 *     counter
 * @param score 0..1; the point alerts when it reaches the configured threshold. Held below the
 *     threshold while warming up and during the cool-down after an alert
 * @param rawScore the detector's score before warm-up and cool-down are applied (for dashboards)
 * @param expected what the model expected, NaN while it has no opinion
 * @param lower lower edge of the normal band, NaN while unknown
 * @param upper upper edge of the normal band, NaN while unknown
 * @param detector the detector that modelled the series, e.g. {@code ensemble}
 * @param feature the detector feature that drove the score, e.g. {@code seasonal.level}
 * @param alert true when this point opens an anomaly (score at or above the threshold)
 * @param status how the point was handled
 */
public record AnomalyResult(
        long timestampMillis,
        double value,
        double score,
        double rawScore,
        double expected,
        double lower,
        double upper,
        String detector,
        String feature,
        boolean alert,
        PointStatus status) {

    /** A point that was not scored (missing value, out of order): nothing to say about it. */
    static AnomalyResult ignored(
            long timestampMillis, double value, String detector, PointStatus status) {
        return new AnomalyResult(
                timestampMillis,
                value,
                0.0,
                0.0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                detector,
                "",
                false,
                status);
    }
}
