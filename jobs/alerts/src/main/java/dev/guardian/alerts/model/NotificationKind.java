package dev.guardian.alerts.model;

/** What a notification tells its receiver. */
public enum NotificationKind {
    /** A new incident (a group's first notification). */
    TRIGGER,
    /** Members joined or resolved while others still fire. */
    UPDATE,
    /** The most urgent firing severity rose. */
    ESCALATE,
    /** Nothing changed but the re-notify interval passed: still firing. */
    RENOTIFY,
    /** Every member resolved: the incident is over. */
    RESOLVE,
    /** Notifications over a receiver's rate limit, summarised in one. */
    SUMMARY;

    public boolean resolves() {
        return this == RESOLVE;
    }
}
