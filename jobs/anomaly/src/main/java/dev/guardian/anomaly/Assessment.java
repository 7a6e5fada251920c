package dev.guardian.anomaly;

/**
 * What a detector says about one point.
 *
 * @param score 0 (ordinary) .. 1 (as surprising as the model can tell); comparable across series
 * @param expected the value the model expected, NaN when it has no opinion yet
 * @param lower lower edge of the normal band, NaN when unknown
 * @param upper upper edge of the normal band, NaN when unknown
 * @param feature what drove the score, e.g. {@code seasonal.level} or {@code window.change}
 */
public record Assessment(
        double score, double expected, double lower, double upper, String feature) {

    public static Assessment none(String feature) {
        return new Assessment(0.0, Double.NaN, Double.NaN, Double.NaN, feature);
    }
}
