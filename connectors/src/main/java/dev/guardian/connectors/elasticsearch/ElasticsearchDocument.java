package dev.guardian.connectors.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One document for a bulk request: target index or data stream, deterministic id, JSON source and
 * the operation. {@link OpType#INDEX} overwrites the document with the same id (indices); {@link
 * OpType#CREATE} is what data streams accept, and a 409 on it means the document is already there.
 * Either way a replay writes nothing new.
 */
public final class ElasticsearchDocument {

    /** The bulk operation. */
    public enum OpType {
        INDEX,
        CREATE
    }

    /** java.time values as ISO-8601 text, which every Elasticsearch date format accepts. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();

    private final String index;
    private final String id;
    private final byte[] source;
    private final OpType opType;

    public ElasticsearchDocument(String index, String id, byte[] source, OpType opType) {
        if (index == null || index.isEmpty()) {
            throw new IllegalArgumentException("document needs an index or data stream");
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(
                    "document for " + index + " needs a deterministic id");
        }
        this.index = index;
        this.id = id;
        this.source = Objects.requireNonNull(source, "source");
        this.opType = Objects.requireNonNull(opType, "opType");
    }

    /** Index-by-id into a regular index. */
    public static ElasticsearchDocument index(String index, String id, Object source) {
        return new ElasticsearchDocument(index, id, json(source), OpType.INDEX);
    }

    /** Create-by-id into a data stream (or an index where documents never change). */
    public static ElasticsearchDocument create(String dataStream, String id, Object source) {
        return new ElasticsearchDocument(dataStream, id, json(source), OpType.CREATE);
    }

    /** JSON bytes as they are; a {@code String} as UTF-8 JSON text; anything else via Jackson. */
    static byte[] json(Object source) {
        if (source instanceof byte[]) {
            return (byte[]) source;
        }
        if (source instanceof String) {
            return ((String) source).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return MAPPER.writeValueAsBytes(source);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("document cannot be written as JSON", e);
        }
    }

    public String index() {
        return index;
    }

    public String id() {
        return id;
    }

    /** JSON bytes; not copied, do not modify. */
    public byte[] source() {
        return source;
    }

    public OpType opType() {
        return opType;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ElasticsearchDocument)) {
            return false;
        }
        ElasticsearchDocument that = (ElasticsearchDocument) o;
        return index.equals(that.index)
                && id.equals(that.id)
                && opType == that.opType
                && Arrays.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, opType);
    }

    @Override
    public String toString() {
        return opType + " " + index + "/" + id + " (" + source.length + " bytes)";
    }
}
