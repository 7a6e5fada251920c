package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Maps an OpenTelemetry {@code severity_number} (1-24) onto the severity when no severity text is
 * given, or when the severity itself is sent as a number.
 */
final class LogEventJsonAdapter implements JsonInputAdapter {
    private static final long serialVersionUID = 1L;
    private static final String[] RANGES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    private static final JsonFieldNames SEVERITY_TEXT =
            JsonFieldNames.of("severity", "log.level", "level", "severity_text");
    private static final JsonFieldNames SEVERITY_NUMBER = JsonFieldNames.of("severity_number");

    @Override
    public void adapt(ObjectNode object, String rawJson) {
        Map<String, JsonNode> index = JsonFieldNames.index(object);
        JsonNode text = SEVERITY_TEXT.first(index);
        if (text != null && !text.isNumber()) {
            return;
        }
        JsonNode number = text != null ? text : SEVERITY_NUMBER.first(index);
        if (number != null && number.canConvertToInt()) {
            int n = number.intValue();
            object.remove("severity");
            object.put("severity", n >= 1 && n <= 24 ? RANGES[(n - 1) / 4] : "UNKNOWN");
        }
    }
}
