package dev.guardian.logs.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.SeverityNames;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.Severity;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordDecodingException;
import dev.guardian.schemas.serde.RecordFormat;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one {@code logs.events} record into log records, repairing what a user would rather see
 * repaired than lost, and refusing (with the reason) what cannot be a log line:
 *
 * <ul>
 *   <li>Avro single-object or JSON ({@link RecordCodec}: ECS / OpenTelemetry names), one object or
 *       an array of them (one line per element; a bad element is refused alone);
 *   <li>bytes that are not UTF-8: replaced by U+FFFD, flagged {@code invalid_utf8} (one bad byte
 *       from a Latin-1 application should not lose the line);
 *   <li>messages over {@link DecodeLimits#maxMessageBytes()}: cut with a marker, flagged;
 *   <li>no timestamp, or one that is not a time: ingest time, flagged; one too far ahead: ingest
 *       time, flagged, the original kept as an attribute;
 *   <li>a severity word nobody knows: {@code UNKNOWN}, flagged, the word kept as an attribute;
 *   <li>neither Avro nor JSON but text: the text is the message ({@code raw_text});
 *   <li>refused: empty or binary records, records over {@link DecodeLimits#maxRecordBytes()}, JSON
 *       nested deeper than {@link DecodeLimits#maxJsonDepth()}, malformed JSON, JSON without a
 *       message.
 * </ul>
 */
public final class LogEventDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String TRUNCATION_MARKER = " …[truncated: %d of %d bytes kept]";
    private static final int MARKER_RESERVE = 64;
    private static final List<String> TIMESTAMP_NAMES = namesOf("timestamp");
    private static final List<String> SEVERITY_NAMES = namesOf("severity");

    private final RecordCodec<LogEvent> codec = RecordCodec.of(LogEvent.class);
    private final DecodeLimits limits;
    private transient EventIds ids;
    private transient ObjectMapper mapper;

    public LogEventDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    /** The lines of one record, and the reasons its refused elements were refused. */
    public record Result(List<LogRecord> records, List<RecordDecodingException> failures) {}

    /**
     * @throws InvalidRecordException or {@link RecordDecodingException} when the whole record is
     *     refused
     */
    public Result decode(RawRecord raw, long nowMillis) throws InvalidRecordException {
        byte[] bytes = raw.value;
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRecordException("record is empty");
        }
        if (bytes.length > limits.maxRecordBytes()) {
            throw new InvalidRecordException(
                    "record is "
                            + bytes.length
                            + " bytes, more than the limit of "
                            + limits.maxRecordBytes());
        }
        List<LogRecord> records = new ArrayList<>(1);
        List<RecordDecodingException> failures = new ArrayList<>(0);
        switch (RecordFormat.detect(bytes)) {
            case AVRO ->
                    records.add(finish(codec.decodeAvro(bytes), new Repairs(), raw, 0, nowMillis));
            case JSON -> decodeJson(raw, nowMillis, records, failures);
            case UNKNOWN -> records.add(rawText(raw, nowMillis));
        }
        return new Result(records, failures);
    }

    private void decodeJson(
            RawRecord raw,
            long now,
            List<LogRecord> records,
            List<RecordDecodingException> failures)
            throws InvalidRecordException {
        byte[] json = raw.value;
        if (JsonNesting.exceeds(json, limits.maxJsonDepth())) {
            throw new InvalidRecordException(
                    "JSON nested more than " + limits.maxJsonDepth() + " levels deep");
        }
        boolean invalidUtf8 = !Utf8.isValid(json);
        if (invalidUtf8) {
            json = Utf8.repaired(json);
        }
        if (!startsWithArray(json)) {
            Repairs repairs = new Repairs();
            repairs.flag(invalidUtf8, LogFlags.INVALID_UTF8);
            records.add(finish(decodeObject(json, repairs, raw, now), repairs, raw, 0, now));
            return;
        }
        JsonNode array = parse(json);
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            try {
                if (!element.isObject()) {
                    throw new RecordDecodingException(
                            "LogEvent", null, "element " + i + " is not an object");
                }
                Repairs repairs = new Repairs();
                repairs.flag(invalidUtf8, LogFlags.INVALID_UTF8);
                LogEvent event =
                        decodeObject(mapper().writeValueAsBytes(element), repairs, raw, now);
                records.add(finish(event, repairs, raw, i, now));
            } catch (RecordDecodingException e) {
                failures.add(
                        new RecordDecodingException(
                                "LogEvent",
                                e.field(),
                                "element " + i + " of " + array.size() + ": " + e.getMessage(),
                                e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private LogEvent decodeObject(byte[] json, Repairs repairs, RawRecord raw, long now) {
        LogEvent event;
        try {
            event = codec.decodeJson(json);
        } catch (RecordDecodingException e) {
            if (!"timestamp".equals(e.field())) {
                throw e;
            }
            ObjectNode object = (ObjectNode) parse(json);
            String original = removeAll(object, TIMESTAMP_NAMES);
            if (original == null) {
                repairs.flag(true, LogFlags.TIMESTAMP_MISSING);
            } else {
                repairs.flag(true, LogFlags.TIMESTAMP_UNPARSABLE);
                repairs.attributes.put(LogFlags.ORIGINAL_TIMESTAMP, original);
            }
            object.put("timestamp", ingestTime(raw, now));
            try {
                event = codec.decodeJson(mapper().writeValueAsBytes(object));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        if (event.getSeverity() == Severity.UNKNOWN) {
            JsonNode level = find((ObjectNode) parse(json), SEVERITY_NAMES);
            if (level != null && level.isValueNode() && !level.asText().isBlank()) {
                String word = level.asText().strip();
                if (!word.equalsIgnoreCase(Severity.UNKNOWN.name())) {
                    repairs.flag(true, LogFlags.SEVERITY_UNKNOWN);
                    repairs.attributes.put(
                            LogFlags.ORIGINAL_LEVEL,
                            word.length() > 100 ? word.substring(0, 100) : word);
                }
            }
        }
        return event;
    }

    private LogRecord rawText(RawRecord raw, long now) throws InvalidRecordException {
        byte[] bytes = raw.value;
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x09) || (b > 0x0D && b < 0x20 && b != 0x1B) || b == 0x7F) {
                throw new InvalidRecordException(
                        "neither Avro single-object (C3 01), JSON nor text: binary data (byte "
                                + String.format("%02X", b & 0xff)
                                + ")");
            }
        }
        Repairs repairs = new Repairs();
        repairs.flag(!Utf8.isValid(bytes), LogFlags.INVALID_UTF8);
        repairs.flag(true, LogFlags.RAW_TEXT);
        repairs.flag(true, LogFlags.TIMESTAMP_MISSING);
        String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
        if (text.isBlank()) {
            throw new InvalidRecordException("record is blank");
        }
        String severity = SeverityNames.findIn(text, 200);
        LogRecord record =
                LogRecord.of(
                        "unknown",
                        ingestTime(raw, now),
                        severity == null ? Severity.UNKNOWN.name() : severity,
                        text);
        return complete(record, repairs, raw, 0, now);
    }

    private LogRecord finish(LogEvent event, Repairs repairs, RawRecord raw, int index, long now) {
        LogRecord record = LogRecord.of(event);
        Map<String, String> attributes = event.getAttributes();
        if (attributes != null && !attributes.isEmpty()) {
            repairs.attributes.putAll(attributes);
        }
        return complete(record, repairs, raw, index, now);
    }

    private LogRecord complete(
            LogRecord record, Repairs repairs, RawRecord raw, int index, long now) {
        if (record.timestampMillis > now + limits.maxFutureSkewMillis()) {
            repairs.flag(true, LogFlags.TIMESTAMP_IN_FUTURE);
            repairs.attributes.put(
                    LogFlags.ORIGINAL_TIMESTAMP,
                    Instant.ofEpochMilli(record.timestampMillis).toString());
            record.timestampMillis = ingestTime(raw, now);
        }
        record.message = truncate(record.message, repairs);
        record.attributes = cappedAttributes(repairs);
        record.flags = repairs.flags.toArray(new String[0]);
        record.ingestedMillis = now;
        record.eventId = ids().of(raw, index);
        return record;
    }

    /**
     * When a line entered the pipeline: Kafka's record time (producer or broker), which stays right
     * when the job catches up on a backlog; the job's clock if Kafka's is missing or ahead of it.
     */
    private long ingestTime(RawRecord raw, long now) {
        long kafka = raw.kafkaTimestamp;
        return kafka > 0 && kafka <= now + limits.maxFutureSkewMillis() ? kafka : now;
    }

    private String truncate(String message, Repairs repairs) {
        long max = limits.maxMessageBytes();
        if (message == null || (long) message.length() * 3 <= max) {
            return message;
        }
        long bytes = Utf8.length(message);
        if (bytes <= max) {
            return message;
        }
        String kept = Utf8.prefix(message, max - MARKER_RESERVE);
        repairs.flag(true, LogFlags.MESSAGE_TRUNCATED);
        return kept + String.format(Locale.ROOT, TRUNCATION_MARKER, Utf8.length(kept), bytes);
    }

    private String[] cappedAttributes(Repairs repairs) {
        Map<String, String> all = repairs.attributes;
        if (all.isEmpty()) {
            return new String[0];
        }
        int n = Math.min(all.size(), limits.maxAttributes());
        repairs.flag(all.size() > n, LogFlags.ATTRIBUTES_TRUNCATED);
        String[] flat = new String[n * 2];
        Iterator<Map.Entry<String, String>> it = all.entrySet().iterator();
        for (int i = 0; i < n; i++) {
            Map.Entry<String, String> e = it.next();
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.length() > limits.maxAttributeChars()) {
                value = value.substring(0, limits.maxAttributeChars()) + "…";
                repairs.flag(true, LogFlags.ATTRIBUTES_TRUNCATED);
            }
            flat[2 * i] = e.getKey();
            flat[2 * i + 1] = value;
        }
        return flat;
    }

    /**
     * Removes every top-level key that is one of {@code names}; the first non-null value's text.
     */
    private static String removeAll(ObjectNode object, List<String> names) {
        String original = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (names.contains(normalise(e.getKey()))) {
                JsonNode v = e.getValue();
                if (original == null && !v.isNull() && !v.asText("").isBlank()) {
                    original = v.isValueNode() ? v.asText() : v.toString();
                }
                it.remove();
            }
        }
        if (original != null && original.length() > 200) {
            original = original.substring(0, 200);
        }
        return original;
    }

    /** The value under the first of {@code names} (dotted names also as nested paths), or null. */
    private static JsonNode find(ObjectNode object, List<String> names) {
        for (String name : names) {
            JsonNode value = find(object, name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode node, String normalisedName) {
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = normalise(e.getKey());
            if (key.equals(normalisedName)) {
                return e.getValue();
            }
            if (normalisedName.startsWith(key + ".")) {
                JsonNode nested = find(e.getValue(), normalisedName.substring(key.length() + 1));
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** The field's own name and its {@code "json"} names from the schema, normalised. */
    private static List<String> namesOf(String field) {
        List<String> names = new ArrayList<>();
        names.add(normalise(field));
        Object json = LogEvent.getClassSchema().getField(field).getObjectProp("json");
        if (json instanceof List<?> list) {
            list.forEach(n -> names.add(normalise(String.valueOf(n))));
        }
        return List.copyOf(names);
    }

    /** As the codec compares names: ignoring case, {@code _} and {@code -}. */
    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (b == '[') {
                return true;
            }
            if (b == '{') {
                return false;
            }
        }
        return false;
    }

    private JsonNode parse(byte[] json) {
        try {
            return mapper().readTree(json);
        } catch (IOException e) {
            throw new RecordDecodingException(
                    "LogEvent", null, "malformed JSON: " + e.getMessage(), e);
        }
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        return mapper;
    }

    private EventIds ids() {
        if (ids == null) {
            ids = new EventIds();
        }
        return ids;
    }

    /** What was repaired on one line: flags and the attributes that keep originals. */
    private static final class Repairs {
        final TreeSet<String> flags = new TreeSet<>();
        final TreeMap<String, String> attributes = new TreeMap<>();

        void flag(boolean condition, String flag) {
            if (condition) {
                flags.add(flag);
            }
        }
    }
}
