package dev.guardian.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The identity of a time series: metric name plus labels sorted by key, as in the Prometheus and
 * OpenTelemetry data models. {@link #text} is the human form ({@code name{k="v",...}}), {@link #id}
 * a stable 64-bit hash of it, used as the Flink key and the ClickHouse sort key.
 */
public final class SeriesKey {

    private SeriesKey() {}

    /** Labels as a flat array {@code k1, v1, k2, v2, ...} sorted by key: compact, no Kryo. */
    public static String[] sortedLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return new String[0];
        }
        String[] keys = labels.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        String[] flat = new String[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            flat[2 * i] = keys[i];
            flat[2 * i + 1] = labels.get(keys[i]);
        }
        return flat;
    }

    public static String text(String name, String[] sortedLabels) {
        StringBuilder sb = new StringBuilder(name.length() + 16 * sortedLabels.length);
        sb.append(name);
        if (sortedLabels.length > 0) {
            sb.append('{');
            for (int i = 0; i < sortedLabels.length; i += 2) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(sortedLabels[i]).append("=\"");
                appendEscaped(sb, sortedLabels[i + 1]);
                sb.append('"');
            }
            sb.append('}');
        }
        return sb.toString();
    }

    /** FNV-1a 64 of the UTF-8 series text: stable across JVMs, releases and languages. */
    public static long id(String seriesText) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : seriesText.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static void appendEscaped(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(c);
            }
        }
    }
}
