package dev.guardian.schemas.serde;

/** How one message is encoded on the wire, told apart by its first bytes. */
public enum RecordFormat {
    /** Avro single-object encoding: starts with {@code C3 01}. */
    AVRO,
    /** UTF-8 JSON: first non-whitespace byte {@code {} (one record) or {@code [} (several). */
    JSON,
    /** Neither: goes to the dead-letter topic. */
    UNKNOWN;

    public static RecordFormat detect(byte[] message) {
        if (message == null || message.length == 0) {
            return UNKNOWN;
        }
        if (message.length >= 2
                && message[0] == AvroBinaryCodec.MAGIC_0
                && message[1] == AvroBinaryCodec.MAGIC_1) {
            return AVRO;
        }
        int i = 0;
        if (message.length >= 3
                && (message[0] & 0xff) == 0xEF
                && (message[1] & 0xff) == 0xBB
                && (message[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < message.length && isWhitespace(message[i])) {
            i++;
        }
        if (i < message.length && (message[i] == '{' || message[i] == '[')) {
            return JSON;
        }
        return UNKNOWN;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
