package dev.guardian.logs.traffic;

import dev.guardian.schemas.LogEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Records spoiled on purpose by {@code --bad-ratio}, one kind of each bad input the logs job must
 * survive, in equal parts: four it repairs and flags, two it dead-letters.
 */
final class BadLogRecords {

    enum Kind {
        /** A Latin-1 byte in the message: repaired, flagged invalid_utf8. */
        INVALID_UTF8,
        /** A 1.2 MB message: cut to 1 MB, flagged message_truncated. */
        HUGE_MESSAGE,
        /** No timestamp: ingest time, flagged timestamp_missing. */
        NO_TIMESTAMP,
        /** Level "chatty": UNKNOWN, flagged severity_unknown. */
        UNKNOWN_LEVEL,
        /** Labels nested 200 deep: dead-lettered. */
        DEEP_JSON,
        /** Not text at all: dead-lettered. */
        BINARY
    }

    private final double ratio;
    private final long seed;

    BadLogRecords(double ratio, long seed) {
        this.ratio = ratio;
        this.seed = seed;
    }

    /**
     * The kind of bad record slot {@code k} gets, or null for a good one (a function of seed and
     * k).
     */
    Kind forSlot(long k) {
        if (ratio <= 0) {
            return null;
        }
        Random r = new Random(seed ^ (k * 0x9E3779B97F4A7C15L));
        if (r.nextDouble() >= ratio) {
            return null;
        }
        return Kind.values()[r.nextInt(Kind.values().length)];
    }

    static byte[] encode(LogEvent e, Kind kind) {
        String json = LogEventEncoding.ecsJson(e);
        return switch (kind) {
            case INVALID_UTF8 -> {
                int at = json.indexOf("\"message\":\"") + 11;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
                b.write(0xE9);
                b.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
                yield b.toByteArray();
            }
            case HUGE_MESSAGE ->
                    json.replace("\"message\":\"", "\"message\":\"" + "x".repeat(1_200_000) + " ")
                            .getBytes(StandardCharsets.UTF_8);
            case NO_TIMESTAMP ->
                    json.replaceFirst("\"@timestamp\":\"[^\"]*\",", "")
                            .getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_LEVEL ->
                    json.replaceFirst("\"level\":\"[^\"]*\"", "\"level\":\"chatty\"")
                            .getBytes(StandardCharsets.UTF_8);
            case DEEP_JSON ->
                    (json.substring(0, json.length() - 1)
                                    + ",\"labels\":"
                                    + "{\"a\":".repeat(200)
                                    + "1"
                                    + "}".repeat(200)
                                    + "}")
                            .getBytes(StandardCharsets.UTF_8);
            case BINARY -> new byte[] {0x00, 0x01, (byte) 0xFF, 0x10, 0x7F};
        };
    }
}
