package dev.guardian.logs.decode;

import java.io.Serializable;

/**
 * How much of a record the logs job keeps, and what it refuses.
 *
 * @param maxRecordBytes larger records are dead-lettered undecoded
 * @param maxMessageBytes longer messages are cut (UTF-8 bytes) and flagged, never dropped
 * @param maxJsonDepth JSON nested deeper is dead-lettered
 * @param maxAttributes attributes beyond this count are dropped (first ones by key kept)
 * @param maxAttributeChars longer attribute values are cut
 * @param maxFutureSkewMillis timestamps further ahead of the job's clock are replaced by it
 */
public record DecodeLimits(
        int maxRecordBytes,
        int maxMessageBytes,
        int maxJsonDepth,
        int maxAttributes,
        int maxAttributeChars,
        long maxFutureSkewMillis)
        implements Serializable {

    public static final int MIB = 1024 * 1024;

    public static DecodeLimits defaults() {
        return new DecodeLimits(16 * MIB, MIB, 64, 128, 8192, 10 * 60_000L);
    }

    public DecodeLimits {
        if (maxMessageBytes < 256 || maxRecordBytes < 1 || maxJsonDepth < 2) {
            throw new IllegalArgumentException(
                    "limits too small: message "
                            + maxMessageBytes
                            + " bytes, depth "
                            + maxJsonDepth);
        }
    }
}
