package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.SecurityEvent;
import java.io.Serializable;

/**
 * Record-specific preparation of an input JSON object before the schema-driven mapping: fills in
 * what a producer's format implies but does not state (a CloudTrail record's outcome, the original
 * text).
 */
interface JsonInputAdapter extends Serializable {
    JsonInputAdapter NONE = (object, rawJson) -> {};

    /**
     * @param object the parsed record, modified in place
     * @param rawJson the record's JSON text as received
     */
    void adapt(ObjectNode object, String rawJson);

    static JsonInputAdapter forType(Class<?> type) {
        if (type == SecurityEvent.class) {
            return new SecurityEventJsonAdapter();
        }
        if (type == LogEvent.class) {
            return new LogEventJsonAdapter();
        }
        return NONE;
    }
}
