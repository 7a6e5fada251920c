package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Scalar conversions of JSON values, tolerant of numbers sent as text. */
final class JsonValues {
    private JsonValues() {}

    static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBigDecimal() || node.isFloatingPointNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new IllegalArgumentException("expected a string, got " + kind(node));
    }

    /** Exact decimal from a JSON number or numeric text; rejects NaN and infinities. */
    static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            if (node.isDouble() || node.isFloat()) {
                double d = node.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("expected a finite number, got " + d);
                }
            }
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String s = node.textValue().trim();
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "expected a number, got the string '" + abbreviate(s) + "'");
            }
        }
        throw new IllegalArgumentException("expected a number, got " + kind(node));
    }

    static double finiteDouble(JsonNode node) {
        double d = decimal(node).doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("number out of double range");
        }
        return d;
    }

    static long integral(JsonNode node, long min, long max) {
        BigDecimal d = decimal(node);
        try {
            long value = d.longValueExact();
            if (value < min || value > max) {
                throw new ArithmeticException();
            }
            return value;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "expected an integer in [" + min + ", " + max + "], got " + d.toPlainString());
        }
    }

    static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String s = node.textValue().trim();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw new IllegalArgumentException("expected true or false, got " + kind(node));
    }

    /** What kind of JSON value this is, for error messages. */
    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "the string '" + abbreviate(node.textValue()) + "'";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.booleanValue();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
