package dev.guardian.alerts.route;

import dev.guardian.alerts.model.AlertView;

/** Keyed state of one fingerprint's open episode (firing until resolved). A Flink POJO. */
public class EpisodeState {

    public String episodeId;
    public long lastSeen;

    /** Most urgent severity notified so far; null while nobody was told (e.g. muted). */
    public String notifiedSeverity;

    public long lastNotifiedAt;

    /** Notifying decisions so far in the episode. */
    public int notifications;

    /**
     * Event time of the pending timer: the auto-resolve while open, the end of the memory of a
     * closed episode once resolved.
     */
    public long autoResolveAt;

    /** Event time of the resolve that closed the episode, or Long.MIN_VALUE while open. */
    public long closedAt = Long.MIN_VALUE;

    /** A resolve held for the resolve delay (flap damping), or null. */
    public AlertView pendingResolve;

    /** The latest firing state, from which an auto-resolve is made. */
    public AlertView latest;

    public EpisodeState() {}

    public boolean closed() {
        return closedAt != Long.MIN_VALUE;
    }
}
