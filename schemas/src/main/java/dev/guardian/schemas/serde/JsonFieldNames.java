package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The JSON names a record field is read from, in order of preference: the field's own name, then
 * the names listed in its {@code "json"} property in the {@code .avsc} file.
 *
 * <p>Names are compared ignoring case, underscores and hyphens, so {@code billingAccountId}, {@code
 * billing_account_id} and FOCUS {@code BillingAccountId} all match one field. A name with dots
 * ({@code service.name}) matches a literal dotted key first, then the nested path; numeric path
 * segments index arrays ({@code resources.0.ARN}).
 */
final class JsonFieldNames {
    private JsonFieldNames() {}

    static List<String> of(Schema.Field field) {
        List<String> names = new ArrayList<>();
        names.add(field.name());
        Object extra = field.getObjectProp("json");
        if (extra instanceof List<?> list) {
            for (Object name : list) {
                names.add(String.valueOf(name));
            }
        }
        return names;
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The keys of one JSON object by normalized name; the first key wins on a clash. */
    static Map<String, JsonNode> index(JsonNode object) {
        Map<String, JsonNode> index = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            index.putIfAbsent(normalize(e.getKey()), e.getValue());
        }
        return index;
    }

    /** The value at {@code name} in the indexed object, or null if absent. */
    static JsonNode find(Map<String, JsonNode> index, String name) {
        String key = normalize(name);
        JsonNode direct = index.get(key);
        if (direct != null || key.indexOf('.') < 0) {
            return direct;
        }
        String[] path = key.split("\\.");
        JsonNode node = index.get(path[0]);
        for (int i = 1; i < path.length && node != null; i++) {
            node = child(node, path[i]);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String segment) {
        if (node.isArray()) {
            try {
                return node.get(Integer.parseInt(segment));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (normalize(e.getKey()).equals(segment)) {
                return e.getValue();
            }
        }
        return null;
    }
}
