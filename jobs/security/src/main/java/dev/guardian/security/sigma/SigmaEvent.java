package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as the Sigma rules see it: the original JSON, with field lookups and the text of nested
 * objects computed once per event however many rules ask. Not thread-safe; one per event.
 */
public final class SigmaEvent {

    private final JsonNode root;
    private final Map<String, List<JsonNode>> fields = new HashMap<>(16);
    private Map<JsonNode, String> containerText;
    private List<String> leaves;

    private SigmaEvent(JsonNode root) {
        this.root = root;
    }

    public static SigmaEvent of(JsonNode root) {
        return new SigmaEvent(root);
    }

    public JsonNode root() {
        return root;
    }

    /** The values at {@code path}: empty when the field is absent. */
    List<JsonNode> values(FieldPath path) {
        List<JsonNode> values = fields.get(path.name());
        if (values == null) {
            List<JsonNode> found = new ArrayList<>(1);
            path.collect(root, found);
            values = found.isEmpty() ? Collections.emptyList() : found;
            fields.put(path.name(), values);
        }
        return values;
    }

    /** The first scalar text at {@code path}, or null. */
    public String text(FieldPath path) {
        for (JsonNode value : values(path)) {
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The compact JSON of an object or array value, serialised once per event. */
    String containerText(JsonNode container) {
        if (containerText == null) {
            containerText = new IdentityHashMap<>();
        }
        return containerText.computeIfAbsent(container, JsonNode::toString);
    }

    /** Every scalar text anywhere in the event, for keyword (field-less) searches. */
    List<String> leaves() {
        if (leaves == null) {
            leaves = new ArrayList<>();
            collectLeaves(root, leaves);
        }
        return leaves;
    }

    static void collectLeaves(JsonNode node, List<String> out) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collectLeaves(child, out);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.add(node.asText());
        }
    }
}
