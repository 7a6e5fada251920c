package dev.guardian.schemas;

import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a metric series: name plus labels sorted by key, written as in Prometheus
 * exposition, e.g. {@code http_requests_total{code="500",method="GET"}}. Label values escape
 * backslash, double quote and newline, so distinct series never share a key.
 */
public final class SeriesKey {
    private SeriesKey() {}

    public static String of(MetricPoint point) {
        return of(point.getName(), point.getLabels());
    }

    public static String of(String name, Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(e.getKey()).append("=\"");
            escape(e.getValue(), sb);
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    private static void escape(String value, StringBuilder sb) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }
}
