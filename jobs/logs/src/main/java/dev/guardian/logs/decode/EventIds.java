package dev.guardian.logs.decode;

import dev.guardian.common.kafka.RawRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Deterministic ids of log lines: 128 bits of SHA-256 over the Kafka coordinates, the line's
 * position in its message and the message bytes, base64url (22 characters). A replay of the same
 * offsets gives the same ids, so Elasticsearch's create-by-id writes nothing twice; the bytes are
 * part of the id so a topic that was deleted and re-created (offsets from 0 again) cannot collide
 * with the lines already stored. Not thread-safe: one per task.
 */
public final class EventIds {

    private final MessageDigest sha256;
    private final ByteBuffer coordinates = ByteBuffer.allocate(16);

    public EventIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String of(RawRecord raw, int index) {
        sha256.reset();
        if (raw.topic != null) {
            sha256.update(raw.topic.getBytes(StandardCharsets.UTF_8));
        }
        coordinates.clear();
        coordinates.putInt(raw.partition).putLong(raw.offset).putInt(index);
        sha256.update((byte) 0);
        sha256.update(coordinates.array());
        if (raw.value != null) {
            sha256.update(raw.value);
        }
        byte[] digest = sha256.digest();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(digest, 16));
    }
}
