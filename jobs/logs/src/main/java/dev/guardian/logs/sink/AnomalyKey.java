package dev.guardian.logs.sink;

import dev.guardian.schemas.Anomaly;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Anomalies keyed by entity: one entity's anomalies stay in order on one partition. */
public class AnomalyKey implements SerializationSchema<Anomaly> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Anomaly anomaly) {
        return anomaly.getEntity().getBytes(StandardCharsets.UTF_8);
    }
}
