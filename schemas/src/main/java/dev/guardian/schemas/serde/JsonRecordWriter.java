package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * A record as a JSON object for Elasticsearch, ClickHouse JSONEachRow and webhooks: schema field
 * names, timestamps as ISO-8601 UTC text, decimals as exact plain numbers, enums as their symbol,
 * bytes as base64, nulls written out. {@link JsonRecordReader} reads it back.
 */
final class JsonRecordWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonRecordWriter() {}

    static ObjectNode write(IndexedRecord record) {
        ObjectNode object = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            object.set(field.name(), value(record.get(field.pos()), field.schema(), field.name()));
        }
        return object;
    }

    private static JsonNode value(Object v, Schema s, String path) {
        if (v == null) {
            return NODES.nullNode();
        }
        switch (s.getType()) {
            case UNION:
                for (Schema branch : s.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return value(v, branch, path);
                    }
                }
                return NODES.nullNode();
            case RECORD:
                return write((IndexedRecord) v);
            case MAP:
                ObjectNode map = NODES.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    String key = String.valueOf(e.getKey());
                    map.set(key, value(e.getValue(), s.getValueType(), path + "." + key));
                }
                return map;
            case ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (Object item : (List<?>) v) {
                    array.add(value(item, s.getElementType(), path + "[]"));
                }
                return array;
            case LONG:
                return v instanceof Instant instant
                        ? NODES.textNode(instant.toString())
                        : NODES.numberNode(((Number) v).longValue());
            case INT:
                return NODES.numberNode(((Number) v).intValue());
            case DOUBLE:
            case FLOAT:
                double d = ((Number) v).doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException(path + " is not finite: " + d);
                }
                return NODES.numberNode(d);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) v);
            case BYTES:
                if (v instanceof BigDecimal decimal) {
                    return NODES.numberNode(
                            decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros());
                }
                ByteBuffer buffer = ((ByteBuffer) v).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.binaryNode(bytes);
            default: // STRING, ENUM
                return NODES.textNode(v.toString());
        }
    }
}
