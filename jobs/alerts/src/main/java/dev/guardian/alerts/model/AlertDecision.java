package dev.guardian.alerts.model;

/** One alert state change with the deduplicator's decision about it. */
public class AlertDecision {

    public AlertView alert;
    public Decision decision;

    /** {@code fingerprint@startsAt}: one firing-to-resolved life of a fingerprint. */
    public String episodeId;

    /** Count of notifying decisions in the episode, this one included (0 if it does not notify). */
    public int notificationSeq;

    /** Id of the mute or maintenance window that suppressed it, else null. */
    public String mutedBy;

    public AlertDecision() {}

    public AlertDecision(
            AlertView alert, Decision decision, String episodeId, int seq, String mutedBy) {
        this.alert = alert;
        this.decision = decision;
        this.episodeId = episodeId;
        this.notificationSeq = seq;
        this.mutedBy = mutedBy;
    }

    @Override
    public String toString() {
        return decision + " " + episodeId + "#" + notificationSeq + " " + alert;
    }
}
