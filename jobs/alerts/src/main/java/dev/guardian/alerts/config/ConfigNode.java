package dev.guardian.alerts.config;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML or JSON mapping being read: typed accessors whose errors name the path of the offending
 * key ({@code routes[2].match.severity}), and {@link #rejectUnknown()} so a misspelt key is an
 * error rather than a silently ignored rule.
 */
final class ConfigNode {

    private final Map<?, ?> map;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    ConfigNode(Map<?, ?> map, String path) {
        this.map = map == null ? Map.of() : map;
        this.path = path;
    }

    static ConfigNode of(Object value, String path) {
        if (value == null) {
            return new ConfigNode(Map.of(), path);
        }
        if (!(value instanceof Map)) {
            throw error(path, "must be a mapping, got " + describe(value));
        }
        return new ConfigNode((Map<?, ?>) value, path);
    }

    String path() {
        return path;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        read.add(key);
        return map.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return map.get(key);
    }

    String string(String key, String fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw error(child(key), "must be a single value, got " + describe(v));
        }
        return String.valueOf(v);
    }

    String requireString(String key) {
        String v = string(key, null);
        if (v == null || v.isBlank()) {
            throw error(child(key), "is required");
        }
        return v;
    }

    boolean bool(String key, boolean fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw error(child(key), "must be true or false, got " + describe(v));
    }

    long longValue(String key, long fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw error(child(key), "must be a whole number, got " + describe(v));
        }
    }

    double doubleValue(String key, double fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw error(child(key), "must be a number, got " + describe(v));
        }
    }

    Duration duration(String key, Duration fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        Duration d = Args.parseDuration(child(key), String.valueOf(v));
        if (d.isNegative()) {
            throw error(child(key), "must not be negative");
        }
        return d;
    }

    /** A single value or a list of values, as strings. */
    List<String> strings(String key) {
        Object v = raw(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof List) {
            for (Object item : (List<?>) v) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw error(child(key), "must list plain values, got " + describe(item));
                }
                out.add(String.valueOf(item));
            }
        } else if (v instanceof Map) {
            throw error(child(key), "must be a value or a list, got " + describe(v));
        } else {
            out.add(String.valueOf(v));
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Object v = raw(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map)) {
            throw error(child(key), "must be a mapping of names to values, got " + describe(v));
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                throw error(child(key) + "." + e.getKey(), "must be a plain value");
            }
            out.put(
                    String.valueOf(e.getKey()),
                    e.getValue() == null ? "" : e.getValue().toString());
        }
        return out;
    }

    ConfigNode node(String key) {
        return of(raw(key), child(key));
    }

    List<ConfigNode> nodes(String key) {
        Object v = raw(key);
        List<ConfigNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List)) {
            throw error(child(key), "must be a list, got " + describe(v));
        }
        List<?> items = (List<?>) v;
        for (int i = 0; i < items.size(); i++) {
            out.add(of(items.get(i), child(key) + "[" + i + "]"));
        }
        return out;
    }

    void rejectUnknown() {
        for (Object key : map.keySet()) {
            if (!read.contains(String.valueOf(key))) {
                throw error(
                        child(String.valueOf(key)),
                        "is not a known setting (known here: " + read + ")");
            }
        }
    }

    static UsageException error(String path, String message) {
        return new UsageException("alert router config: " + path + " " + message);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        String text = String.valueOf(v);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }
}
