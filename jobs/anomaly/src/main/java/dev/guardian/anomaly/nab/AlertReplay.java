package dev.guardian.anomaly.nab;

/**
 * Replays the scorer's alerting rule over a series' raw detector scores for another threshold and
 * cool-down: a point alerts when it is past warm-up, no cool-down is running and its raw score
 * reaches the threshold; an alert starts a cool-down of that many points. The detectors' state does
 * not depend on either setting, so this gives exactly the detections that {@link
 * dev.guardian.anomaly.SeriesAnomalyScorer} would make under them, without running the detectors
 * again: that is what makes a threshold search per cross-validation fold cheap.
 */
public final class AlertReplay {

    private AlertReplay() {}

    /**
     * @param rawScores the detector's score per row, before warm-up and cool-down
     * @param learntPoints per row, the points the scorer had learnt including this one, 0 for a
     *     point it ignored
     */
    public static boolean[] detections(
            double[] rawScores,
            long[] learntPoints,
            int warmupPoints,
            double threshold,
            int cooldownPoints) {
        boolean[] detections = new boolean[rawScores.length];
        int cooldownLeft = 0;
        for (int i = 0; i < rawScores.length; i++) {
            if (learntPoints[i] <= warmupPoints) {
                continue;
            }
            if (cooldownLeft > 0) {
                cooldownLeft--;
            } else if (rawScores[i] >= threshold) {
                detections[i] = true;
                cooldownLeft = cooldownPoints;
            }
        }
        return detections;
    }
}
