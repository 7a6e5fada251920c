package dev.guardian.logs.alert;

import dev.guardian.logs.anomaly.ServiceResumed;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys a service's return by the fingerprint of its silence alert. */
public class ResumedFingerprint implements KeySelector<ServiceResumed, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(ServiceResumed resumed) {
        return LogAlerts.silenceFingerprint(resumed.service);
    }
}
