package dev.guardian.logs.sink;

import dev.guardian.schemas.Alert;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Alerts keyed by fingerprint: an incident's state changes stay in order on one partition. */
public class AlertKey implements SerializationSchema<Alert> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Alert alert) {
        return alert.getFingerprint().getBytes(StandardCharsets.UTF_8);
    }
}
