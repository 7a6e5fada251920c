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

    @Override
    public void adapt(ObjectNode object, String rawJson) {
        Map<String, JsonNode> index = JsonFieldNames.index(object);
        JsonNode text = firstPresent(index, "severity", "log.level", "level", "severity_text");
        if (text != null && !text.isNumber()) {
            return;
        }
        JsonNode number = text != null ? text : firstPresent(index, "severity_number");
        if (number != null && number.canConvertToInt()) {
            int n = number.intValue();
            object.remove("severity");
            object.put("severity", n >= 1 && n <= 24 ? RANGES[(n - 1) / 4] : "UNKNOWN");
        }
    }

    private static JsonNode firstPresent(Map<String, JsonNode> index, String... names) {
        for (String name : names) {
            JsonNode value = JsonFieldNames.find(index, name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
