package dev.guardian.ops.reporter;

import java.util.Map;
import java.util.TreeMap;

/**
 * InfluxDB line protocol for one point: {@code measurement,tag=v,... field=v,... timestamp}.
 * Escapes as the protocol demands; drops fields that are not finite numbers (InfluxDB refuses NaN).
 */
public final class InfluxLineProtocol {

    private InfluxLineProtocol() {}

    /**
     * One line, or an empty string when no field is left to write.
     *
     * @param fields numbers; integers are written with InfluxDB's {@code i} suffix
     * @param timestampMillis written with precision ms
     */
    public static String line(
            String measurement,
            Map<String, String> tags,
            Map<String, ? extends Number> fields,
            long timestampMillis) {
        StringBuilder fieldText = new StringBuilder();
        for (Map.Entry<String, ? extends Number> field : new TreeMap<>(fields).entrySet()) {
            String value = value(field.getValue());
            if (value == null) {
                continue;
            }
            if (fieldText.length() > 0) {
                fieldText.append(',');
            }
            fieldText.append(escapeKey(field.getKey())).append('=').append(value);
        }
        if (fieldText.length() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(escapeMeasurement(measurement));
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            // InfluxDB drops tags with empty values anyway; an empty one would break the line
            if (tag.getValue() != null && !tag.getValue().isEmpty()) {
                sb.append(',')
                        .append(escapeKey(tag.getKey()))
                        .append('=')
                        .append(escapeKey(tag.getValue()));
            }
        }
        return sb.append(' ').append(fieldText).append(' ').append(timestampMillis).toString();
    }

    private static String value(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue() + "i";
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? Double.toString(d) : null;
    }

    static String escapeMeasurement(String s) {
        return s.replace(",", "\\,").replace(" ", "\\ ").replace("\n", " ");
    }

    /** Tag keys, tag values and field keys: commas, equals signs and spaces are escaped. */
    static String escapeKey(String s) {
        return s.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace("=", "\\=")
                .replace(" ", "\\ ")
                .replace("\n", " ");
    }
}
