package dev.guardian.logs.traffic;

/** An incident in generated logs: what, where, and when (event time, half-open). */
public record LogIncident(LogIncidentKind kind, String service, long startMillis, long endMillis) {

    public boolean activeAt(long timeMillis) {
        return timeMillis >= startMillis && timeMillis < endMillis;
    }
}
