package dev.guardian.security.detect;

import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import dev.guardian.schemas.SecurityEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@link Detection} records. The id is a hash of the rule and the evidence (event ids, or
 * group and window), so a replay after a restore produces the same ids and the sinks deduplicate.
 */
public final class Detections {

    /** Original events kept in a detection, and the longest one kept whole. */
    static final int MAX_EVENTS = 5;

    static final int MAX_EVENT_CHARS = 32_768;

    private Detections() {}

    /** A detection about one event. */
    public static Detection single(
            String ruleId, String title, String level, List<String> tags, SecurityEvent event) {
        return builder(ruleId, title, level, tags, event.getTime(), List.of(event))
                .setId(id(ruleId, eventKey(event)))
                .build();
    }

    /** A detection about several events of one group. */
    public static Detection grouped(
            String ruleId,
            String title,
            String level,
            List<String> tags,
            Map<String, String> groupBy,
            Instant windowStart,
            List<SecurityEvent> events,
            List<String> eventIds,
            Instant time) {
        return builder(ruleId, title, level, tags, time, events)
                .setId(id(ruleId, groupBy.toString(), String.valueOf(windowStart.toEpochMilli())))
                .setGroupBy(new HashMap<>(groupBy))
                .setWindowStart(windowStart)
                .setWindowEnd(time)
                .setMatchedEventIds(new ArrayList<>(eventIds))
                .build();
    }

    static Detection.Builder builder(
            String ruleId,
            String title,
            String level,
            List<String> tags,
            Instant time,
            List<SecurityEvent> events) {
        List<String> originals = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (SecurityEvent e : events) {
            if (e.getEventId() != null) {
                ids.add(e.getEventId());
            }
            if (originals.size() < MAX_EVENTS) {
                String json = e.getOriginalJson();
                originals.add(
                        json.length() > MAX_EVENT_CHARS
                                ? json.substring(0, MAX_EVENT_CHARS)
                                : json);
            }
        }
        Map<String, String> fields = new HashMap<>();
        if (!events.isEmpty()) {
            SecurityEvent last = events.get(events.size() - 1);
            put(fields, "actor", last.getActor());
            put(fields, "sourceIp", last.getSourceIp());
            put(fields, "accountId", last.getAccountId());
            put(fields, "region", last.getRegion());
            put(fields, "service", last.getService());
            put(fields, "operation", last.getOperation());
            put(fields, "userAgent", last.getUserAgent());
        }
        return Detection.newBuilder()
                .setRuleId(ruleId)
                .setRuleTitle(title)
                .setLevel(level(level))
                .setTags(new ArrayList<>(tags))
                .setTime(time)
                .setMatchedEventIds(ids)
                .setEvents(originals)
                .setFields(fields);
    }

    /** A Sigma level; unknown or missing levels are MEDIUM. */
    public static DetectionLevel level(String level) {
        if (level == null) {
            return DetectionLevel.MEDIUM;
        }
        try {
            return DetectionLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DetectionLevel.MEDIUM;
        }
    }

    static String eventKey(SecurityEvent e) {
        return e.getEventId() != null
                ? e.getEventId()
                : e.getTime().toEpochMilli() + "|" + e.getOperation() + "|" + e.getActor();
    }

    /** A stable 32-hex-digit id from the parts (SHA-256). */
    public static String id(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
