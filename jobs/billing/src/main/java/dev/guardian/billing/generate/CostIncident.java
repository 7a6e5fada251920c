package dev.guardian.billing.generate;

/** An injected incident: what, from when (inclusive) to when (exclusive), data time. */
public final class CostIncident {

    public final IncidentKind kind;
    public final long startMillis;
    public final long endMillis;

    public CostIncident(IncidentKind kind, long startMillis, long endMillis) {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("incident must end after it starts");
        }
        this.kind = kind;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    public boolean activeAt(long hourStart) {
        return hourStart >= startMillis && hourStart < endMillis;
    }

    /** Hours since the incident began at {@code hourStart} (0 in its first hour). */
    public int hoursIn(long hourStart) {
        return (int) ((hourStart - startMillis) / 3_600_000L);
    }
}
