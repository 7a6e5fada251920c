package dev.guardian.schemas.serde;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.AvroTypeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Checks decoded decimals against their schema's precision. Avro builds a BigDecimal of whatever
 * size the bytes announce (up to the whole message), and the generated classes convert with their
 * own unchecked conversion, so the check runs on the decoded record.
 */
final class DecimalBounds {
    private DecimalBounds() {}

    static boolean hasDecimals(Schema s) {
        return switch (s.getType()) {
            case RECORD -> s.getFields().stream().anyMatch(f -> hasDecimals(f.schema()));
            case UNION -> s.getTypes().stream().anyMatch(DecimalBounds::hasDecimals);
            case ARRAY -> hasDecimals(s.getElementType());
            case MAP -> hasDecimals(s.getValueType());
            default -> s.getLogicalType() instanceof LogicalTypes.Decimal;
        };
    }

    static void check(Object datum, Schema s, String path) {
        if (datum == null) {
            return;
        }
        switch (s.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) datum;
                for (Schema.Field f : s.getFields()) {
                    check(record.get(f.pos()), f.schema(), path + f.name() + ".");
                }
            }
            case UNION -> {
                for (Schema branch : s.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        check(datum, branch, path);
                    }
                }
            }
            case ARRAY -> {
                for (Object item : (Collection<?>) datum) {
                    check(item, s.getElementType(), path);
                }
            }
            case MAP -> {
                for (Object value : ((Map<?, ?>) datum).values()) {
                    check(value, s.getValueType(), path);
                }
            }
            default -> {
                if (s.getLogicalType() instanceof LogicalTypes.Decimal decimal
                        && datum instanceof BigDecimal value) {
                    int precision = decimal.getPrecision();
                    // bitLength first: precision() of a million-digit number is itself costly
                    if (value.unscaledValue().bitLength() > 4 * precision
                            || value.precision() > precision) {
                        throw new AvroTypeException(
                                path.substring(0, path.length() - 1)
                                        + ": decimal exceeds precision "
                                        + precision);
                    }
                }
            }
        }
    }
}
