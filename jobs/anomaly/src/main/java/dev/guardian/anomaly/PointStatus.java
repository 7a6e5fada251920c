package dev.guardian.anomaly;

/** Why a point was scored the way it was. */
public enum PointStatus {
    /** Scored normally. */
    SCORED,
    /** The series has too little history to alert; the model is learning. */
    WARMING_UP,
    /** First point after a pause of several typical intervals: changes across it are ignored. */
    GAP,
    /** A counter went down: it restarted; the rate since the restart is used. */
    COUNTER_RESET,
    /** Scored, but within the cool-down after an alert: it cannot alert again yet. */
    COOLDOWN,
    /** The value was NaN or infinite: ignored, the model is unchanged. */
    MISSING,
    /** Older than the latest point of the series: ignored, the model is unchanged. */
    OUT_OF_ORDER
}
