package dev.guardian.logs.decode;

import java.nio.charset.StandardCharsets;

/** UTF-8 checks without decoding: the clean case (nearly every line) costs one pass over bytes. */
public final class Utf8 {

    private Utf8() {}

    /**
     * Whether {@code bytes} is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
     */
    public static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xff;
            if (b >= 0xC2 && b <= 0xDF) {
                if (i + 1 >= n || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xff;
                if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F)) {
                    return false; // overlong, or a UTF-16 surrogate
                }
                i += 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (i + 3 >= n
                        || !continuation(bytes[i + 1])
                        || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xff;
                if ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F)) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The bytes with every malformed sequence replaced by U+FFFD, as UTF-8. */
    public static byte[] repaired(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes {@code text} takes in UTF-8, without encoding it. */
    public static long length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The longest prefix of {@code text} that fits {@code maxBytes} of UTF-8, never splitting a
     * surrogate pair.
     */
    public static String prefix(String text, long maxBytes) {
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int width;
            int chars = 1;
            if (c < 0x80) {
                width = 1;
            } else if (c < 0x800) {
                width = 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 4;
                chars = 2;
            } else {
                width = 3;
            }
            if (bytes + width > maxBytes) {
                break;
            }
            bytes += width;
            i += chars;
        }
        return text.substring(0, i);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
