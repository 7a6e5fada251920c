package dev.guardian.security.detect;

import dev.guardian.schemas.SecurityEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys security events by principal; events without one share the key {@code unknown}. */
public final class ByActor implements KeySelector<SecurityEvent, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SecurityEvent event) {
        return event.getActor() == null ? "unknown" : event.getActor();
    }
}
