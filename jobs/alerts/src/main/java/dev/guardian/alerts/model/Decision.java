package dev.guardian.alerts.model;

/** What the router did with one alert state change; every change is recorded with one. */
public enum Decision {
    /** First firing of an episode: notify. */
    TRIGGER(true),
    /** Still firing, at a more urgent severity than was notified: notify again. */
    ESCALATE(true),
    /** Still firing, and the re-notify interval has passed since the last notification. */
    RENOTIFY(true),
    /** Resolved by its producer: notify once and close the episode. */
    RESOLVE(true),
    /** No news for the auto-resolve time: the router resolved it. */
    AUTO_RESOLVE(true),
    /** Nothing new for the people on call (same or lower severity, within the interval). */
    DUPLICATE(false),
    /** A mute rule or maintenance window matched: recorded, not notified. */
    MUTED(false),
    /** A resolve of an episode nobody was told about (muted throughout, or unknown). */
    RESOLVED_SILENTLY(false),
    /**
     * Resolved, held for {@code resolve_delay} in case it fires again (a flapping alert): becomes a
     * RESOLVE when the delay passes, or nothing if it fires again before.
     */
    RESOLVING(false);

    private final boolean notifies;

    Decision(boolean notifies) {
        this.notifies = notifies;
    }

    public boolean notifies() {
        return notifies;
    }

    public boolean resolves() {
        return this == RESOLVE
                || this == AUTO_RESOLVE
                || this == RESOLVED_SILENTLY
                || this == RESOLVING;
    }
}
