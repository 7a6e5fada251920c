package dev.guardian.security.sink;

import dev.guardian.schemas.Detection;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Kafka key of {@code guardian.detections}: the detection id, so a detection and its re-issue with
 * the count of suppressed repeats share a partition and arrive in order.
 */
public class DetectionIdKey implements SerializationSchema<Detection> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Detection detection) {
        return detection.getId().getBytes(StandardCharsets.UTF_8);
    }
}
