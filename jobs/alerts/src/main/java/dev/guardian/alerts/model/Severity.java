package dev.guardian.alerts.model;

/** Alert severities from the most to the least urgent; escalation means a lower ordinal. */
public enum Severity {
    CRITICAL,
    ERROR,
    WARNING,
    INFO;

    /** The severity named (any case); unknown names are the least urgent, never an error. */
    public static Severity parse(String name) {
        if (name == null) {
            return INFO;
        }
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return INFO;
        }
    }

    public boolean moreUrgentThan(Severity other) {
        return ordinal() < other.ordinal();
    }

    public static Severity mostUrgent(Severity a, Severity b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
