package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final List<String> declared;
    private final String[] keys;
    private final String[][] paths;

    private JsonFieldNames(List<String> declared) {
        this.declared = List.copyOf(declared);
        this.keys = new String[declared.size()];
        this.paths = new String[declared.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = normalize(declared.get(i));
            paths[i] = keys[i].indexOf('.') < 0 ? null : keys[i].split("\\.");
        }
    }

    static JsonFieldNames of(Schema.Field field) {
        List<String> names = new ArrayList<>();
        names.add(field.name());
        if (field.getObjectProp("json") instanceof List<?> extra) {
            for (Object name : extra) {
                names.add(String.valueOf(name));
            }
        }
        return new JsonFieldNames(names);
    }

    static JsonFieldNames of(String... names) {
        return new JsonFieldNames(Arrays.asList(names));
    }

    /** The names as declared, for messages. */
    List<String> declared() {
        return declared;
    }

    int size() {
        return keys.length;
    }

    /** The value under the i-th name in the indexed object, or null if absent. */
    JsonNode find(Map<String, JsonNode> index, int i) {
        JsonNode direct = index.get(keys[i]);
        if (direct != null || paths[i] == null) {
            return direct;
        }
        String[] path = paths[i];
        for (int end = path.length - 1; end >= 1; end--) {
            JsonNode head = index.get(join(path, 0, end));
            JsonNode found = head == null ? null : descend(head, path, end);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first non-null value under any of the names, or null. */
    JsonNode first(Map<String, JsonNode> index) {
        for (int i = 0; i < keys.length; i++) {
            JsonNode value = find(index, i);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** Lower case without {@code _} and {@code -}; returns the same string when already so. */
    static String normalize(String name) {
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || Character.isUpperCase(c)) {
                break;
            }
            i++;
        }
        if (i == name.length()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length()).append(name, 0, i);
        for (; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The keys of one JSON object by normalized name; the first key wins on a clash. */
    static Map<String, JsonNode> index(JsonNode object) {
        Map<String, JsonNode> index = new HashMap<>(object.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            index.putIfAbsent(normalize(e.getKey()), e.getValue());
        }
        return index;
    }

    /**
     * Follows {@code path[from..]} below {@code node}, trying the longest literal dotted key first
     * at each level, so {@code {"resource": {"service.name": ...}}} and {@code {"resource":
     * {"service": {"name": ...}}}} both match {@code resource.service.name}.
     */
    private static JsonNode descend(JsonNode node, String[] path, int from) {
        if (from == path.length) {
            return node;
        }
        if (node.isArray()) {
            try {
                JsonNode item = node.get(Integer.parseInt(path[from]));
                return item == null ? null : descend(item, path, from + 1);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!node.isObject()) {
            return null;
        }
        Map<String, JsonNode> children = index(node);
        for (int end = path.length; end > from; end--) {
            JsonNode child = children.get(join(path, from, end));
            JsonNode found = child == null ? null : descend(child, path, end);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String join(String[] path, int from, int to) {
        return String.join(".", Arrays.asList(path).subList(from, to));
    }
}
