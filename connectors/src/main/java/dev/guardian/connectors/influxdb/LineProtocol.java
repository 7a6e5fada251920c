package dev.guardian.connectors.influxdb;

import java.util.Iterator;
import java.util.Map;

/**
 * InfluxDB 1.x line protocol: {@code measurement,tag=v field=1i 1700000000000000000}.
 *
 * <p>Escaping as the protocol defines it: in a measurement a comma and a space take a backslash; in
 * tag keys, tag values and field keys also an equals sign; string field values are double-quoted
 * with {@code "} and {@code \} escaped. 1.x has no escape for a line break, so a newline or
 * carriage return anywhere is written as the two characters {@code \n} / {@code \r} instead of
 * ending the line early.
 */
public final class LineProtocol {

    private LineProtocol() {}

    public static String format(InfluxPoint point) {
        StringBuilder line = new StringBuilder(64);
        appendEscaped(line, point.measurement(), false);
        for (Map.Entry<String, String> tag : point.tags().entrySet()) {
            line.append(',');
            appendEscaped(line, tag.getKey(), true);
            line.append('=');
            appendEscaped(line, tag.getValue(), true);
        }
        line.append(' ');
        Iterator<Map.Entry<String, Object>> fields = point.fields().entrySet().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, Object> field = fields.next();
            appendEscaped(line, field.getKey(), true);
            line.append('=');
            appendFieldValue(line, field.getKey(), field.getValue());
            if (fields.hasNext()) {
                line.append(',');
            }
        }
        line.append(' ').append(point.timestampNanos());
        return line.toString();
    }

    private static void appendEscaped(StringBuilder out, String text, boolean escapeEquals) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ',':
                case ' ':
                    out.append('\\').append(c);
                    break;
                case '=':
                    if (escapeEquals) {
                        out.append('\\');
                    }
                    out.append(c);
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    out.append(c);
            }
        }
        // a trailing backslash would escape the separator after it: double it so the parser
        // skips over it
        if (text.endsWith("\\")) {
            out.append('\\');
        }
    }

    private static void appendFieldValue(StringBuilder out, String key, Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("field " + key + " is not finite: " + d);
            }
            out.append(d);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue()).append('i');
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value) ? "true" : "false");
        } else if (value instanceof String) {
            String s = (String) value;
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else {
            throw new IllegalArgumentException(
                    "field "
                            + key
                            + " has unsupported type "
                            + (value == null ? "null" : value.getClass().getName()));
        }
    }
}
