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

    /**
     * The last record read on this thread and its time: the source's timestamp assigner and its
     * watermark generator ask about the same record one after the other.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    public static long own(byte[] value) {
        Object[] last = LAST.get();
        if (last[0] == value && value != null) {
            return (Long) last[1];
        }
        long time = read(value);
        last[0] = value;
        last[1] = time;
        return time;
    }

    private static long read(byte[] value) {
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

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (ECS, OpenTelemetry, Guardian's own
     * JSON) without a formatter, which costs more than the rest of the peek; anything else is
     * {@link #NONE} and goes to {@link FlexibleTimestamps}.
     */
    static long isoUtc(String t) {
        int n = t.length();
        if (n < 20
                || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return NONE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int millis = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n - 21 < 1 || n - 21 > 9) {
                return NONE;
            }
            String fraction = (t.substring(20, n - 1) + "000").substring(0, 3);
            millis = digits(fraction, 0, 3);
        }
        if ((year | month | day | hour | minute | second | millis) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 59) {
            return NONE;
        }
        try {
            long days = java.time.LocalDate.of(year, month, day).toEpochDay();
            return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
        } catch (java.time.DateTimeException e) {
            return NONE; // 31 April
        }
    }

    /** The decimal number in {@code t[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
