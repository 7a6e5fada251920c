package dev.guardian.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.schemas.Money;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds a record from a JSON object by walking its Avro schema, so every record kind accepts JSON
 * with one set of rules: names from {@link JsonFieldNames}, timestamps from {@link
 * FlexibleTimestamps}, decimals exact from numbers or text, enums via {@link JsonSymbols}, string
 * maps from objects (nested objects flattened to dotted keys) or from JSON text.
 *
 * <p>Absent or null fields take the schema default; a required field without one is an error. Where
 * a name holds an object but a scalar is expected (ECS {@code "service": {"name": ...}}), the next
 * accepted name is tried.
 */
final class JsonRecordReader<T extends SpecificRecord> {
    private final String recordName;
    private final Schema schema;
    private final SpecificData model;

    /** The accepted names of every field of every record reachable from the schema. */
    private final Map<Schema.Field, JsonFieldNames> names = new IdentityHashMap<>();

    JsonRecordReader(Class<T> type) {
        this.recordName = type.getSimpleName();
        this.model = GuardianSpecificData.INSTANCE;
        this.schema = model.getSchema(type);
        collectNames(schema);
    }

    private void collectNames(Schema s) {
        switch (s.getType()) {
            case RECORD -> {
                for (Schema.Field field : s.getFields()) {
                    if (names.putIfAbsent(field, JsonFieldNames.of(field)) == null) {
                        collectNames(field.schema());
                    }
                }
            }
            case UNION -> s.getTypes().forEach(this::collectNames);
            case ARRAY -> collectNames(s.getElementType());
            case MAP -> collectNames(s.getValueType());
            default -> {}
        }
    }

    @SuppressWarnings("unchecked")
    T read(JsonNode node) {
        if (!node.isObject()) {
            throw new RecordDecodingException(
                    recordName, null, "expected a JSON object, got " + JsonValues.kind(node));
        }
        return (T) readRecord(node, schema, "");
    }

    private IndexedRecord readRecord(JsonNode object, Schema recordSchema, String path) {
        Map<String, JsonNode> index = JsonFieldNames.index(object);
        IndexedRecord record = (IndexedRecord) model.newRecord(null, recordSchema);
        for (Schema.Field field : recordSchema.getFields()) {
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            JsonNode value = pick(index, field, names.get(field));
            record.put(
                    field.pos(),
                    value == null
                            ? absent(field, fieldPath)
                            : convert(value, field.schema(), fieldPath));
        }
        return record;
    }

    private static JsonNode pick(
            Map<String, JsonNode> index, Schema.Field field, JsonFieldNames candidates) {
        JsonNode mismatch = null;
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode value = candidates.find(index, i);
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (fits(value, field.schema())) {
                return value;
            }
            if (mismatch == null) {
                mismatch = value;
            }
        }
        return mismatch; // converting it reports the wrong type
    }

    /** Whether the JSON shape (object, array or scalar) can hold the schema type at all. */
    private static boolean fits(JsonNode value, Schema s) {
        return switch (s.getType()) {
            case UNION -> s.getTypes().stream().anyMatch(branch -> fits(value, branch));
            case RECORD -> value.isObject();
            case MAP -> value.isObject() || value.isTextual();
            case ARRAY -> value.isArray();
            case NULL -> value.isNull();
            default -> value.isValueNode();
        };
    }

    private Object absent(Schema.Field field, String path) {
        if (field.hasDefaultValue()) {
            return model.deepCopy(field.schema(), model.getDefaultValue(field));
        }
        if (field.schema().isNullable()) {
            return null;
        }
        throw new RecordDecodingException(
                recordName,
                path,
                "missing required field (accepted names: "
                        + String.join(", ", names.get(field).declared())
                        + ")");
    }

    private Object convert(JsonNode value, Schema s, String path) {
        try {
            return convertOrThrow(value, s, path);
        } catch (IllegalArgumentException | ArithmeticException | IOException e) {
            throw new RecordDecodingException(recordName, path, e.getMessage(), e);
        }
    }

    private Object convertOrThrow(JsonNode value, Schema s, String path) throws IOException {
        LogicalType logical = s.getLogicalType();
        switch (s.getType()) {
            case UNION:
                return convertUnion(value, s, path);
            case STRING:
                return JsonValues.text(value);
            case LONG:
                return logical instanceof LogicalTypes.TimestampMillis
                        ? FlexibleTimestamps.parse(value)
                        : JsonValues.integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case INT:
                return (int) JsonValues.integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case DOUBLE:
                return JsonValues.finiteDouble(value);
            case FLOAT:
                return (float) JsonValues.finiteDouble(value);
            case BOOLEAN:
                return JsonValues.bool(value);
            case BYTES:
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    return Money.fit(
                            JsonValues.decimal(value), decimal.getPrecision(), decimal.getScale());
                }
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(
                            "expected base64 text, got " + JsonValues.kind(value));
                }
                return ByteBuffer.wrap(value.binaryValue());
            case ENUM:
                return model.createEnum(JsonSymbols.resolve(JsonValues.text(value), s), s);
            case MAP:
                return convertMap(value, s, path);
            case ARRAY:
                return convertArray(value, s, path);
            case RECORD:
                if (!value.isObject()) {
                    throw new IllegalArgumentException(
                            "expected an object, got " + JsonValues.kind(value));
                }
                return readRecord(value, s, path);
            case NULL:
                if (!value.isNull()) {
                    throw new IllegalArgumentException(
                            "expected null, got " + JsonValues.kind(value));
                }
                return null;
            default:
                throw new IllegalArgumentException("unsupported schema type " + s.getType());
        }
    }

    private Object convertUnion(JsonNode value, Schema union, String path) throws IOException {
        List<Schema> branches = union.getTypes();
        if (branches.size() != 2 || !union.isNullable()) {
            throw new IllegalArgumentException("only [null, T] unions are supported");
        }
        Schema nonNull = branches.get(branches.get(0).getType() == Schema.Type.NULL ? 1 : 0);
        if (value.isNull()) {
            return null;
        }
        // CSV-to-JSON converters send "" for empty optional numbers and timestamps
        if (value.isTextual()
                && value.textValue().isBlank()
                && nonNull.getType() != Schema.Type.STRING) {
            return null;
        }
        return convertOrThrow(value, nonNull, path);
    }

    private Object convertMap(JsonNode value, Schema s, String path) throws IOException {
        JsonNode object = value;
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return new LinkedHashMap<String, Object>();
            }
            if (!text.startsWith("{")) {
                throw new IllegalArgumentException(
                        "expected an object or its JSON text, got " + JsonValues.kind(value));
            }
            object = JsonMappers.MAPPER.readTree(text);
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException("expected an object, got " + JsonValues.kind(value));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (s.getValueType().getType() == Schema.Type.STRING) {
            flattenInto(map, "", object);
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(
                        e.getKey(),
                        convertOrThrow(e.getValue(), s.getValueType(), path + "." + e.getKey()));
            }
        }
        return map;
    }

    /** Nested objects become dotted keys (ECS style); arrays are kept as JSON text. */
    private static void flattenInto(Map<String, Object> map, String prefix, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flattenInto(map, key + ".", v);
            } else if (v.isArray()) {
                map.put(key, v.toString());
            } else if (v.isNull()) {
                map.put(key, "");
            } else {
                map.put(key, JsonValues.text(v));
            }
        }
    }

    private List<Object> convertArray(JsonNode value, Schema s, String path) throws IOException {
        if (!value.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + JsonValues.kind(value));
        }
        List<Object> list = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            list.add(convert(value.get(i), s.getElementType(), path + "[" + i + "]"));
        }
        return list;
    }
}
