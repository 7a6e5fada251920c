package dev.guardian.billing.sink;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.Forecast;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Kafka keys of the billing job's outputs: the entity for forecasts and anomalies (one key's
 * records stay in order on one partition), the fingerprint for alerts (PagerDuty's dedup_key).
 */
public final class KafkaKeys {

    private KafkaKeys() {}

    public static final class ForecastEntity implements SerializationSchema<Forecast> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Forecast forecast) {
            return forecast.getEntity().getBytes(StandardCharsets.UTF_8);
        }
    }

    public static final class AnomalyEntity implements SerializationSchema<Anomaly> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Anomaly anomaly) {
            return anomaly.getEntity().getBytes(StandardCharsets.UTF_8);
        }
    }

    public static final class AlertFingerprint implements SerializationSchema<Alert> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Alert alert) {
            return alert.getFingerprint().getBytes(StandardCharsets.UTF_8);
        }
    }
}
