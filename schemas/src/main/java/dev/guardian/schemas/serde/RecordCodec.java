package dev.guardian.schemas.serde;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything a job needs to read and write one record kind: Avro single-object encoding on
 * Guardian's topics, JSON accepted on input (detected per message), JSON written for Elasticsearch
 * and webhooks.
 *
 * <p>Serializable and cheap to copy: a Flink function can hold one as a field. Thread-safe.
 *
 * <pre>{@code
 * RecordCodec<LogEvent> logs = RecordCodec.of(LogEvent.class);
 * LogEvent event = logs.decode(kafkaValue);      // Avro or JSON, or RecordDecodingException
 * byte[] out = logs.encode(event);               // Avro single-object
 * String doc = logs.toJson(event);               // for Elasticsearch
 * }</pre>
 */
public final class RecordCodec<T extends SpecificRecord> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final AvroBinaryCodec<T> avro;
    private final JsonInputAdapter adapter;
    private transient JsonRecordReader<T> jsonReader;

    private RecordCodec(AvroBinaryCodec<T> avro, JsonInputAdapter adapter) {
        this.avro = avro;
        this.adapter = adapter;
    }

    public static <T extends SpecificRecord> RecordCodec<T> of(Class<T> type) {
        return new RecordCodec<>(AvroBinaryCodec.forClass(type), JsonInputAdapter.forType(type));
    }

    /** Also reads Avro written with another (older or newer) compatible version of the schema. */
    public RecordCodec<T> withWriterSchema(Schema writerSchema) {
        return new RecordCodec<>(avro.withWriterSchema(writerSchema), adapter);
    }

    public Class<T> type() {
        return avro.type();
    }

    public Schema schema() {
        return avro.schema();
    }

    /** Avro single-object encoding, the format of every Guardian topic. */
    public byte[] encode(T record) {
        return avro.encode(record);
    }

    /** One record from Avro single-object bytes or a JSON object, told apart by the first bytes. */
    public T decode(byte[] message) {
        return switch (RecordFormat.detect(message)) {
            case AVRO -> avro.decode(message);
            case JSON -> decodeJson(message);
            case UNKNOWN -> throw unknownFormat(message);
        };
    }

    /**
     * The records of one message: a single Avro or JSON record, a JSON array of records, or a
     * CloudTrail-style envelope {@code {"Records": [...]}}.
     */
    public List<T> decodeAll(byte[] message) {
        RecordFormat format = RecordFormat.detect(message);
        if (format == RecordFormat.AVRO) {
            return List.of(avro.decode(message));
        }
        if (format == RecordFormat.UNKNOWN) {
            throw unknownFormat(message);
        }
        JsonNode root = parse(message);
        JsonNode records = root.isObject() && root.size() == 1 ? root.get("Records") : null;
        if (root.isArray() || (records != null && records.isArray())) {
            JsonNode array = root.isArray() ? root : records;
            List<T> result = new ArrayList<>(array.size());
            for (JsonNode element : array) {
                result.add(fromJsonNode(element, element.toString()));
            }
            return result;
        }
        return List.of(fromJsonNode(root, new String(message, StandardCharsets.UTF_8).strip()));
    }

    public T decodeAvro(byte[] message) {
        return avro.decode(message);
    }

    public T decodeJson(byte[] message) {
        return fromJsonNode(parse(message), new String(message, StandardCharsets.UTF_8).strip());
    }

    public T decodeJson(String json) {
        return decodeJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The record as one JSON object (see the module README for the conventions). */
    public String toJson(T record) {
        try {
            return JsonMappers.MAPPER.writeValueAsString(toJsonNode(record));
        } catch (JsonProcessingException e) {
            throw new RecordEncodingException(type().getSimpleName(), e.getOriginalMessage(), e);
        }
    }

    public byte[] toJsonBytes(T record) {
        return toJson(record).getBytes(StandardCharsets.UTF_8);
    }

    public ObjectNode toJsonNode(T record) {
        try {
            return JsonRecordWriter.write(record);
        } catch (RuntimeException e) {
            throw new RecordEncodingException(type().getSimpleName(), e.getMessage(), e);
        }
    }

    private T fromJsonNode(JsonNode node, String rawJson) {
        if (node instanceof ObjectNode object) {
            adapter.adapt(object, rawJson);
        }
        return reader().read(node);
    }

    private JsonNode parse(byte[] message) {
        try {
            return JsonMappers.MAPPER.readTree(message);
        } catch (JacksonException e) {
            throw new RecordDecodingException(
                    type().getSimpleName(),
                    null,
                    "malformed JSON: "
                            + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line "
                                            + e.getLocation().getLineNr()
                                            + ", column "
                                            + e.getLocation().getColumnNr()),
                    e);
        } catch (IOException e) {
            throw new RecordDecodingException(type().getSimpleName(), null, e.getMessage(), e);
        }
    }

    private RecordDecodingException unknownFormat(byte[] message) {
        String start =
                message == null || message.length == 0
                        ? "an empty message"
                        : String.format("first byte %02X", message[0]);
        return new RecordDecodingException(
                type().getSimpleName(),
                null,
                "neither Avro single-object (C3 01) nor JSON ({ or [): " + start);
    }

    private JsonRecordReader<T> reader() {
        JsonRecordReader<T> r = jsonReader;
        if (r == null) {
            r = new JsonRecordReader<>(type());
            jsonReader = r;
        }
        return r;
    }
}
