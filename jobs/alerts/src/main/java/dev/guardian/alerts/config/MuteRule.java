package dev.guardian.alerts.config;

import dev.guardian.alerts.model.AlertView;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A mute: alerts it matches between {@code starts_at} and {@code ends_at} (either open) are
 * recorded but not notified. From the YAML configuration or, at runtime, from the {@code
 * guardian.mutes} topic as JSON:
 *
 * <pre>
 * {"id": "db-failover", "match": {"labels": {"service": "db"}},
 *  "starts_at": "2026-11-20T22:00:00Z", "ends_at": "2026-11-20T23:00:00Z",
 *  "created_by": "alice", "comment": "planned failover"}
 * {"id": "db-failover", "deleted": true}
 * </pre>
 */
public final class MuteRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String id;
    public final AlertMatcher match;

    /** Epoch millis, or null for "since ever". */
    public final Long startsAt;

    /** Epoch millis, or null for "until removed". */
    public final Long endsAt;

    public final String createdBy;
    public final String comment;

    /** A runtime message that removes the mute with this id. */
    public final boolean deleted;

    public MuteRule(
            String id,
            AlertMatcher match,
            Long startsAt,
            Long endsAt,
            String createdBy,
            String comment,
            boolean deleted) {
        this.id = id;
        this.match = match;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdBy = createdBy;
        this.comment = comment;
        this.deleted = deleted;
    }

    /** Reads one mute from a parsed YAML or JSON mapping; {@code path} names it in errors. */
    public static MuteRule parse(Object mapping, String path) {
        ConfigNode node = ConfigNode.of(mapping, path);
        String id = node.requireString("id");
        boolean deleted = node.bool("deleted", false);
        AlertMatcher match =
                node.has("match") ? AlertMatcher.parse(node.node("match")) : AlertMatcher.any();
        if (!deleted && !node.has("match")) {
            throw ConfigNode.error(
                    node.child("match"), "is required: a mute without one would mute everything");
        }
        Long startsAt = instant(node, "starts_at");
        Long endsAt = instant(node, "ends_at");
        String createdBy = node.string("created_by", null);
        String comment = node.string("comment", null);
        node.rejectUnknown();
        if (startsAt != null && endsAt != null && endsAt <= startsAt) {
            throw ConfigNode.error(node.child("ends_at"), "must be after starts_at");
        }
        return new MuteRule(id, match, startsAt, endsAt, createdBy, comment, deleted);
    }

    private static Long instant(ConfigNode node, String key) {
        Object v = node.raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.util.Date) {
            return ((java.util.Date) v).getTime();
        }
        try {
            return Instant.parse(String.valueOf(v).trim()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ConfigNode.error(
                    node.child(key),
                    "must be an ISO-8601 instant like 2026-11-20T22:00:00Z, got '" + v + "'");
        }
    }

    public boolean activeAt(long epochMillis) {
        return !deleted
                && (startsAt == null || epochMillis >= startsAt)
                && (endsAt == null || epochMillis < endsAt);
    }

    /** True once the mute can never match again, so it can be forgotten. */
    public boolean expiredAt(long epochMillis) {
        return deleted || (endsAt != null && epochMillis >= endsAt);
    }

    public boolean mutes(AlertView alert) {
        return activeAt(alert.time) && match.matches(alert);
    }

    @Override
    public String toString() {
        return "mute " + id + " " + match;
    }
}
