package dev.guardian.metrics.sink;

import dev.guardian.schemas.Alert;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Kafka key of {@code guardian.alerts}: the fingerprint, so FIRING and RESOLVED of one incident
 * share a partition and arrive in order.
 */
public class AlertFingerprintKey implements SerializationSchema<Alert> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Alert alert) {
        return alert.getFingerprint().getBytes(StandardCharsets.UTF_8);
    }
}
