package dev.guardian.metrics.anomaly;

/**
 * An open anomaly of one series, from the point that opened it until the series is normal again:
 * what the RESOLVED alert needs to repeat (fingerprint, identity, severity) and the counters that
 * decide when it ends. Keyed state that exists only while the alert fires. A Flink POJO.
 */
public class AnomalyEpisode {

    public String fingerprint;

    /** The anomaly that opened the episode: the alert's origin. */
    public String anomalyId;

    public String series;
    public String name;

    /** {@code k1, v1, ...} sorted by key, as in {@link dev.guardian.metrics.MetricSample}. */
    public String[] labels;

    /** {@link dev.guardian.schemas.AlertSeverity} name of the FIRING alert. */
    public String severity;

    public long startedAtMillis;
    public double peakScore;

    /** Anomalies (detector alerts) within the episode, the opening one included. */
    public int anomalies;

    /** Points seen since the episode opened. */
    public long points;

    /** Consecutive points below the resolve score, up to the latest. */
    public int normalRun;

    public long lastSeenMillis;
    public double lastValue;
    public double lastExpected;

    /** The pending event-time timer that checks for silence. */
    public long timerMillis;

    public AnomalyEpisode() {}
}
