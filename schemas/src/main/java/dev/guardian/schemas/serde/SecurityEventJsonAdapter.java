package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.SecurityEvent;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Accepts AWS CloudTrail records (and already normalized SecurityEvents): keeps the received text
 * as {@code originalJson}, and derives {@code outcome} when the record does not state one: a
 * CloudTrail {@code errorCode} or a failed console login is FAILURE, any other CloudTrail record
 * SUCCESS.
 */
final class SecurityEventJsonAdapter implements JsonInputAdapter {
    private static final long serialVersionUID = 1L;

    @Override
    public void adapt(ObjectNode object, String rawJson) {
        Map<String, JsonNode> index = JsonFieldNames.index(object);
        if (!present(index, "originalJson")) {
            object.put("originalJson", rawJson);
        }
        if (!present(index, "outcome")) {
            String outcome = derivedOutcome(index);
            if (outcome != null) {
                object.put("outcome", outcome);
            }
        }
    }

    private static String derivedOutcome(Map<String, JsonNode> index) {
        JsonNode errorCode = JsonFieldNames.find(index, "errorCode");
        JsonNode consoleLogin = JsonFieldNames.find(index, "responseElements.ConsoleLogin");
        if ((errorCode != null && !errorCode.isNull())
                || (consoleLogin != null && "Failure".equalsIgnoreCase(consoleLogin.asText()))) {
            return "FAILURE";
        }
        JsonNode eventName = JsonFieldNames.find(index, "eventName");
        return eventName != null && eventName.isTextual() ? "SUCCESS" : null;
    }

    private static boolean present(Map<String, JsonNode> index, String fieldName) {
        Schema.Field field = SecurityEvent.getClassSchema().getField(fieldName);
        for (String name : JsonFieldNames.of(field)) {
            JsonNode value = JsonFieldNames.find(index, name);
            if (value != null && !value.isNull()) {
                return true;
            }
        }
        return false;
    }
}
