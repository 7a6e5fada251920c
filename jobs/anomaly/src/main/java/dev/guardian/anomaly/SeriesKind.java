package dev.guardian.anomaly;

/** How a series' values are meant, as in the OpenTelemetry / Prometheus data model. */
public enum SeriesKind {
    /** A value that goes up and down (temperature, CPU, queue length): scored as it is. */
    GAUGE,
    /**
     * A monotonically increasing total (requests served): scored as a per-second rate; a drop is a
     * counter reset (process restart), not an anomaly.
     */
    COUNTER
}
