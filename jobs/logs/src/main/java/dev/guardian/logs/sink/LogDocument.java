package dev.guardian.logs.sink;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * A log line as an Elasticsearch document of the logs data stream, ECS names where ECS has one
 * ({@link LogSearch} holds the searched ones), created by the line's deterministic id. Mapping:
 * {@code infra/elasticsearch/templates/logs-guardian.json}.
 *
 * <pre>
 * {"@timestamp", "message", "log": {"level", "logger"}, "service": {"name"}, "host": {"name"},
 *  "trace": {"id"}, "span": {"id"}, "labels": {"template_id"}, "tags": [repairs],
 *  "event": {"ingested"}, "attributes": {...}, "guardian": {"template", "parameters", "redactions"}}
 * </pre>
 */
public class LogDocument implements ElasticsearchDocumentConverter<LogRecord> {

    private static final long serialVersionUID = 1L;
    private static final JsonFactory JSON = new JsonFactory();

    private final String dataStream;
    private final boolean perService;

    /**
     * @param dataStream the data stream, or with {@code perService} the pattern's namespace source:
     *     {@code logs-guardian-default} gives {@code logs-guardian.<service>-default}
     */
    public LogDocument(String dataStream, boolean perService) {
        this.dataStream = dataStream;
        this.perService = perService;
    }

    @Override
    public ElasticsearchDocument toDocument(LogRecord record) {
        return ElasticsearchDocument.create(
                dataStreamOf(record.service), record.eventId, source(record));
    }

    /** The data stream of a service's lines. */
    String dataStreamOf(String service) {
        if (!perService) {
            return dataStream;
        }
        int dash = dataStream.lastIndexOf('-');
        String prefix = dash > 0 ? dataStream.substring(0, dash) : dataStream;
        String namespace = dash > 0 ? dataStream.substring(dash) : "-default";
        return prefix + "." + datasetPart(service) + namespace;
    }

    /** Lower case letters, digits, {@code _} and {@code .}: what a data stream's dataset allows. */
    static String datasetPart(String service) {
        String s = service == null ? "unknown" : service.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(Math.min(s.length(), 100));
        for (int i = 0; i < s.length() && b.length() < 100; i++) {
            char c = s.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ? c : '_');
        }
        return b.length() == 0 ? "unknown" : b.toString();
    }

    static byte[] source(LogRecord r) {
        int size = 256 + (r.message == null ? 0 : r.message.length() + r.message.length() / 8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField(
                    LogSearch.TIMESTAMP, Instant.ofEpochMilli(r.timestampMillis).toString());
            g.writeStringField(LogSearch.MESSAGE, r.message == null ? "" : r.message);
            g.writeObjectFieldStart("log");
            g.writeStringField("level", r.severity);
            optional(g, "logger", r.logger);
            g.writeEndObject();
            g.writeObjectFieldStart("service");
            g.writeStringField("name", r.service);
            g.writeEndObject();
            object(g, "host", "name", r.host);
            object(g, "trace", "id", r.traceId);
            object(g, "span", "id", r.spanId);
            object(g, "labels", "template_id", r.templateId);
            if (r.flags.length > 0) {
                g.writeArrayFieldStart("tags");
                for (String flag : r.flags) {
                    g.writeString(flag);
                }
                g.writeEndArray();
            }
            g.writeObjectFieldStart("event");
            g.writeStringField("ingested", Instant.ofEpochMilli(r.ingestedMillis).toString());
            g.writeEndObject();
            if (r.attributes.length > 0) {
                // Flattened: keys are dotted text, so {"a": 1, "a.b": 2} cannot clash.
                g.writeObjectFieldStart("attributes");
                for (int i = 0; i + 1 < r.attributes.length; i += 2) {
                    g.writeStringField(r.attributes[i], r.attributes[i + 1]);
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("guardian");
            optional(g, "template", r.template);
            if (r.parameters.length > 0) {
                g.writeArrayFieldStart("parameters");
                for (String p : r.parameters) {
                    g.writeString(p);
                }
                g.writeEndArray();
            }
            g.writeNumberField("redactions", r.redactions);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void object(JsonGenerator g, String name, String field, String value)
            throws IOException {
        if (value != null) {
            g.writeObjectFieldStart(name);
            g.writeStringField(field, value);
            g.writeEndObject();
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
