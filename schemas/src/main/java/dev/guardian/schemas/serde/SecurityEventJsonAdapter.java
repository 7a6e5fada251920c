package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.SecurityEvent;
import java.util.Map;

/**
 * Accepts AWS CloudTrail records (and already normalized SecurityEvents): keeps the received text
 * as {@code originalJson}, and derives {@code outcome} when the record does not state one: a
 * CloudTrail {@code errorCode} or a failed console login is FAILURE, any other CloudTrail record
 * SUCCESS.
 */
final class SecurityEventJsonAdapter implements JsonInputAdapter {
    private static final long serialVersionUID = 1L;

    private static final JsonFieldNames ORIGINAL_JSON = namesOf("originalJson");
    private static final JsonFieldNames OUTCOME = namesOf("outcome");
    private static final JsonFieldNames ERROR_CODE = namesOf("errorCode");
    private static final JsonFieldNames CONSOLE_LOGIN =
            JsonFieldNames.of("responseElements.ConsoleLogin");
    private static final JsonFieldNames EVENT_NAME = JsonFieldNames.of("eventName");

    @Override
    public void adapt(ObjectNode object, String rawJson) {
        Map<String, JsonNode> index = JsonFieldNames.index(object);
        if (ORIGINAL_JSON.first(index) == null) {
            object.put("originalJson", rawJson);
        }
        if (OUTCOME.first(index) == null) {
            String outcome = derivedOutcome(index);
            if (outcome != null) {
                object.put("outcome", outcome);
            }
        }
    }

    private static String derivedOutcome(Map<String, JsonNode> index) {
        JsonNode consoleLogin = CONSOLE_LOGIN.first(index);
        if (ERROR_CODE.first(index) != null
                || (consoleLogin != null && "Failure".equalsIgnoreCase(consoleLogin.asText()))) {
            return "FAILURE";
        }
        JsonNode eventName = EVENT_NAME.first(index);
        return eventName != null && eventName.isTextual() ? "SUCCESS" : null;
    }

    private static JsonFieldNames namesOf(String field) {
        return JsonFieldNames.of(SecurityEvent.getClassSchema().getField(field));
    }
}
