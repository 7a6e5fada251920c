package dev.guardian.security.suppress;

import dev.guardian.schemas.Detection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * What makes two detections repeats of each other: the rule, and the group-by value. A detection
 * with its own group-by (correlations, the stateful detectors) uses it; a single-event detection
 * uses the configured fields of the event (by default account and actor), so that one principal
 * tripping a rule a hundred times is one incident, and two principals are two.
 */
public class SuppressionKey implements KeySelector<Detection, String> {

    private static final long serialVersionUID = 1L;

    private final List<String> fields;

    public SuppressionKey(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public String getKey(Detection detection) {
        return detection.getRuleId() + '\n' + group(detection);
    }

    /** The group-by value as {@code name=value} pairs in name order, e.g. {@code actor=bob}. */
    public String group(Detection detection) {
        Map<String, String> group = new TreeMap<>(detection.getGroupBy());
        if (group.isEmpty()) {
            for (String field : fields) {
                String value = detection.getFields().get(field);
                group.put(field, value == null ? "" : value);
            }
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : group.entrySet()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(e.getKey()).append('=').append(e.getValue());
        }
        return text.toString();
    }
}
