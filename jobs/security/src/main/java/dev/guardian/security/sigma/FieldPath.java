package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Sigma field name resolved into the original JSON: {@code requestParameters.userName} walks
 * nested objects, and arrays on the way fan out to every element, so {@code
 * requestParameters.containerDefinitions.command} finds the commands of every container. A key that
 * itself contains dots (flattened events) is found too.
 */
public final class FieldPath {

    private final String name;
    private final String[] segments;

    private FieldPath(String name) {
        this.name = name;
        this.segments = name.split("\\.", -1);
    }

    public static FieldPath of(String name) {
        return new FieldPath(name);
    }

    public String name() {
        return name;
    }

    /** Adds the values at this path to {@code out}; arrays at the end add their elements. */
    void collect(JsonNode root, List<JsonNode> out) {
        JsonNode flat = root.get(name);
        if (flat != null && segments.length > 1) {
            addValue(flat, out);
        }
        walk(root, 0, out);
    }

    private void walk(JsonNode node, int index, List<JsonNode> out) {
        if (index == segments.length) {
            addValue(node, out);
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, index, out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode child = node.get(segments[index]);
        if (child != null) {
            walk(child, index + 1, out);
        }
    }

    private static void addValue(JsonNode value, List<JsonNode> out) {
        if (value.isArray() && !value.isEmpty()) {
            for (JsonNode element : value) {
                out.add(element);
            }
        } else {
            out.add(value);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
