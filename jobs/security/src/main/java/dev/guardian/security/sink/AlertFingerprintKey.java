package dev.guardian.security.sink;

import dev.guardian.schemas.Alert;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Kafka key of {@code guardian.alerts}: the fingerprint, so one incident keeps one partition. */
public class AlertFingerprintKey implements SerializationSchema<Alert> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Alert alert) {
        return alert.getFingerprint().getBytes(StandardCharsets.UTF_8);
    }
}
