package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Moves recorded events to the present: every event time by the same offset, so that the latest
 * lands at "now" and the gaps between events (a brute force's seconds, a session's minutes) stay as
 * they were. Rewrites the fields the job reads time from ({@code eventTime}, and {@code @timestamp}
 * of Logstash-shipped records), in CloudTrail's format.
 */
final class TimeShift {

    static final List<String> TIME_FIELDS = List.of("eventTime", "@timestamp", "timestamp");

    private final Duration offset;

    TimeShift(Duration offset) {
        this.offset = offset;
    }

    /** The shift that moves {@code latest} to {@code now}. */
    static TimeShift toNow(Instant latest, Instant now) {
        return new TimeShift(
                latest == null
                        ? Duration.ZERO
                        : Duration.between(latest, now).truncatedTo(ChronoUnit.SECONDS));
    }

    Duration offset() {
        return offset;
    }

    Instant apply(Instant time) {
        return time.plus(offset);
    }

    /** A copy of {@code record} with its time fields moved; other fields as they were. */
    ObjectNode apply(ObjectNode record) {
        if (offset.isZero()) {
            return record;
        }
        ObjectNode copy = record.deepCopy();
        for (String field : TIME_FIELDS) {
            JsonNode value = copy.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isNumber()) {
                copy.put(field, value.longValue() + offset.toMillis());
                continue;
            }
            Instant parsed = parse(value.asText());
            if (parsed != null) {
                copy.put(field, format(apply(parsed)));
            }
        }
        return copy;
    }

    /** CloudTrail's own format: seconds unless the time has a fraction, always UTC with Z. */
    static String format(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
