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

    /** Event time of the pending auto-resolve timer. */
    public long autoResolveAt;

    /** The latest firing state, from which an auto-resolve is made. */
    public AlertView latest;

    public EpisodeState() {}
}
