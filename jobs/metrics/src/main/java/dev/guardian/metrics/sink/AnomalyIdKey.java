package dev.guardian.metrics.sink;

import dev.guardian.schemas.Anomaly;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Kafka key of {@code guardian.anomalies}: the anomaly id, so compaction and consumers dedupe. */
public class AnomalyIdKey implements SerializationSchema<Anomaly> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Anomaly anomaly) {
        return anomaly.getId().getBytes(StandardCharsets.UTF_8);
    }
}
