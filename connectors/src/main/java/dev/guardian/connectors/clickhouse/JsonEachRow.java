package dev.guardian.connectors.clickhouse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Encodes rows as ClickHouse {@code JSONEachRow}: one JSON object per line. */
public final class JsonEachRow {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .addModule(new SimpleModule().addSerializer(new InstantSerializer()))
                    .build();

    private JsonEachRow() {}

    /** One row as a JSON object followed by a newline. */
    public static byte[] encode(Map<String, Object> row) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(row);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("row cannot be written as JSON: " + row.keySet(), e);
        }
    }

    /** The request body of many rows. */
    public static byte[] concat(List<byte[]> lines) {
        int size = 0;
        for (byte[] line : lines) {
            size += line.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (byte[] line : lines) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    /** Epoch seconds with up to nine fraction digits, e.g. {@code 1700000000.123}. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            // quoted: ClickHouse reads a JSON number into DateTime64 as whole ticks and stops at
            // the '.', but parses a quoted unix timestamp with its fraction
            BigDecimal seconds = epochSeconds(value);
            gen.writeString((seconds.scale() < 0 ? seconds.setScale(0) : seconds).toPlainString());
        }
    }
}
