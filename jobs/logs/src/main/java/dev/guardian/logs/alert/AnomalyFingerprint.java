package dev.guardian.logs.alert;

import dev.guardian.schemas.Anomaly;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys anomalies by the fingerprint of the alert they raise. */
public class AnomalyFingerprint implements KeySelector<Anomaly, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Anomaly anomaly) {
        return LogAlerts.fingerprint(anomaly);
    }
}
