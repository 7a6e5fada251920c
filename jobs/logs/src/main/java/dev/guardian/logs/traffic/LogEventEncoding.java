package dev.guardian.logs.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * How replayed and generated lines go on {@code logs.events}: Avro single-object (what Guardian's
 * own producers write) or ECS JSON as a log shipper (Filebeat, Fluent Bit, Vector) sends it.
 */
public enum LogEventEncoding {
    AVRO,
    JSON;

    private static final RecordCodec<LogEvent> CODEC = RecordCodec.of(LogEvent.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public byte[] encode(LogEvent event) {
        return this == AVRO ? CODEC.encode(event) : ecsJson(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The event as an ECS document: {@code @timestamp}, {@code service.name}, {@code log.level}...
     */
    public static String ecsJson(LogEvent e) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("@timestamp", e.getTimestamp().toString());
        doc.putObject("service").put("name", e.getService());
        if (e.getHost() != null) {
            doc.putObject("host").put("name", e.getHost());
        }
        ObjectNode log =
                doc.putObject("log").put("level", e.getSeverity().name().toLowerCase(Locale.ROOT));
        if (e.getLogger() != null) {
            log.put("logger", e.getLogger());
        }
        doc.put("message", e.getMessage());
        if (e.getTraceId() != null) {
            doc.putObject("trace").put("id", e.getTraceId());
        }
        if (e.getSpanId() != null) {
            doc.putObject("span").put("id", e.getSpanId());
        }
        if (!e.getAttributes().isEmpty()) {
            ObjectNode labels = doc.putObject("labels");
            for (Map.Entry<String, String> a : e.getAttributes().entrySet()) {
                labels.put(a.getKey(), a.getValue());
            }
        }
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static LogEventEncoding fromCliName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoding must be avro or json, got '" + name + "'");
        }
    }
}
