package dev.guardian.logs.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.serde.AvroBinaryCodec;
import dev.guardian.schemas.serde.FlexibleTimestamps;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A raw {@code logs.events} record's own time, read without decoding it, for watermarks in the
 * Kafka source (per partition): Avro {@code LogEvent}s carry it as the first field right after the
 * 10-byte header; JSON objects as a top-level field with one of the schema's timestamp names, read
 * with a streaming parser that stops as soon as the object ends. Anything else (raw text, arrays,
 * another writer schema, a time that does not parse) has no own time here: {@link #NONE}.
 */
public final class LineTimes {

    public static final long NONE = Long.MIN_VALUE;

    private static final long LOG_EVENT_FINGERPRINT =
            AvroBinaryCodec.fingerprint(LogEvent.getClassSchema());
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> NAMES = timestampNames();

    private LineTimes() {}

    public static long own(byte[] value) {
        if (value == null || value.length < 2) {
            return NONE;
        }
        if (value[0] == (byte) 0xC3 && value[1] == 0x01) {
            return avro(value);
        }
        int i = 0;
        while (i < value.length
                && (value[i] == ' ' || value[i] == '\n' || value[i] == '\r' || value[i] == '\t')) {
            i++;
        }
        return i < value.length && value[i] == '{' ? json(value) : NONE;
    }

    private static long avro(byte[] v) {
        if (v.length < 11) {
            return NONE;
        }
        long fingerprint = 0;
        for (int i = 0; i < 8; i++) {
            fingerprint |= (v[2 + i] & 0xffL) << (8 * i);
        }
        if (fingerprint != LOG_EVENT_FINGERPRINT) {
            return NONE;
        }
        long raw = 0;
        int shift = 0;
        for (int i = 10; i < v.length && shift < 64; i++, shift += 7) {
            raw |= (long) (v[i] & 0x7f) << shift;
            if ((v[i] & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1); // zig-zag
            }
        }
        return NONE;
    }

    private static long json(byte[] v) {
        try (JsonParser p = JSON.createParser(v)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            int bestRank = Integer.MAX_VALUE;
            String best = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int rank = NAMES.indexOf(normalise(p.currentName()));
                JsonToken value = p.nextToken();
                if (rank >= 0
                        && rank < bestRank
                        && value != null
                        && value.isScalarValue()
                        && value != JsonToken.VALUE_NULL) {
                    bestRank = rank;
                    best = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return best == null || best.isBlank()
                    ? NONE
                    : FlexibleTimestamps.parse(best).toEpochMilli();
        } catch (IOException | RuntimeException e) {
            return NONE; // the decoder says what is wrong with it
        }
    }

    private static List<String> timestampNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add("timestamp");
        Object json = LogEvent.getClassSchema().getField("timestamp").getObjectProp("json");
        if (json instanceof List<?> list) {
            list.forEach(n -> names.add(normalise(String.valueOf(n))));
        }
        return List.copyOf(names);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
