package dev.guardian.metrics.anomaly;

import dev.guardian.metrics.SeriesKey;

/** Deterministic identities of the metrics job's anomalies and alerts (FNV-1a 64, hex). */
public final class AnomalyIds {

    private AnomalyIds() {}

    /** Same series and time, same id: sinks keyed by it keep one row per anomaly. */
    public static String anomalyId(String series, long timeMillis) {
        return hex(SeriesKey.id("METRICS\n" + series + "\n" + timeMillis));
    }

    /** One per series, across episodes: the alert's dedup key (PagerDuty {@code dedup_key}). */
    public static String fingerprint(String series) {
        return hex(SeriesKey.id("alert\nMETRICS\n" + series));
    }

    private static String hex(long hash) {
        return String.format("%016x", hash);
    }
}
