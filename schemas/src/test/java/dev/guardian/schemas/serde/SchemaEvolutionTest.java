package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.SampleRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Records written with another version of the MetricPoint schema: v0 lacks {@code unit}, v2 adds
 * exemplar fields of every shape and a HISTOGRAM type (test resources under {@code evolution/}).
 */
class SchemaEvolutionTest {
    private static final long NOON_MILLIS = SampleRecords.NOON.toEpochMilli();

    private final RecordCodec<MetricPoint> current = RecordCodec.of(MetricPoint.class);

    @Test
    void currentReaderReadsNewerWriterIgnoringTheAddedField() throws IOException {
        Schema v2 = schema("MetricPoint-v2.avsc");
        GenericRecord written = new GenericData.Record(v2);
        written.put("timestamp", NOON_MILLIS);
        written.put("name", "latency_seconds");
        written.put("labels", Map.of("le", "0.5"));
        written.put("value", 7.0);
        written.put("type", new GenericData.EnumSymbol(v2.getField("type").schema(), "HISTOGRAM"));
        written.put("unit", "s");
        written.put("exemplarTraceId", "4bf92f3577b34da6");
        written.put("exemplarLabels", Map.of("pod", "api-0", "zone", "b"));
        written.put("exemplarValues", java.util.List.of(0.25, 0.5, 0.75));
        written.put("exemplarSpanId", java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));

        MetricPoint read = current.withWriterSchema(v2).decode(singleObject(written));
        MetricPoint readFromSizedBlocks =
                current.withWriterSchema(v2).decode(singleObject(written, true));

        assertThat(readFromSizedBlocks).isEqualTo(read);

        assertThat(read.getTimestamp()).isEqualTo(SampleRecords.NOON);
        assertThat(read.getName()).isEqualTo("latency_seconds");
        assertThat(read.getLabels()).isEqualTo(Map.of("le", "0.5"));
        assertThat(read.getValue()).isEqualTo(7.0);
        assertThat(read.getUnit()).isEqualTo("s");
        // a symbol this reader does not know falls back to the enum default
        assertThat(read.getType()).isEqualTo(MetricType.UNKNOWN);
    }

    @Test
    void currentReaderReadsOlderWriterDefaultingTheAddedField() throws IOException {
        Schema v0 = schema("MetricPoint-v0.avsc");
        GenericRecord written = new GenericData.Record(v0);
        written.put("timestamp", NOON_MILLIS);
        written.put("name", "up");
        written.put("labels", Map.of());
        written.put("value", 1.0);
        written.put("type", new GenericData.EnumSymbol(v0.getField("type").schema(), "GAUGE"));

        MetricPoint read = current.withWriterSchema(v0).decode(singleObject(written));

        assertThat(read.getName()).isEqualTo("up");
        assertThat(read.getType()).isEqualTo(MetricType.GAUGE);
        assertThat(read.getUnit()).isNull();
    }

    @Test
    void olderReaderReadsCurrentWriterIgnoringTheAddedField() throws IOException {
        Schema v0 = schema("MetricPoint-v0.avsc");
        byte[] message = current.encode(SampleRecords.metricPoint());
        byte[] body = Arrays.copyOfRange(message, AvroBinaryCodec.HEADER_LENGTH, message.length);

        GenericRecord read =
                new GenericDatumReader<GenericRecord>(current.schema(), v0)
                        .read(null, DecoderFactory.get().binaryDecoder(body, null));

        assertThat(read.getSchema().getField("unit")).isNull();
        assertThat(read.get("name").toString()).isEqualTo("http_server_requests_total");
        assertThat(read.get("value")).isEqualTo(42.5);
        assertThat(read.get("type").toString()).isEqualTo("COUNTER");
    }

    @Test
    void unregisteredWriterSchemaIsRejected() throws IOException {
        Schema v0 = schema("MetricPoint-v0.avsc");
        GenericRecord written = new GenericData.Record(v0);
        written.put("timestamp", NOON_MILLIS);
        written.put("name", "up");
        written.put("labels", Map.of());
        written.put("value", 1.0);
        written.put("type", new GenericData.EnumSymbol(v0.getField("type").schema(), "GAUGE"));

        assertThatThrownBy(() -> current.decode(singleObject(written)))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining(
                        String.format(
                                "unknown writer schema fingerprint %016x",
                                AvroBinaryCodec.fingerprint(v0)));
    }

    @Test
    void incompatibleWriterSchemaIsRefused() throws IOException {
        Schema incompatible = schema("MetricPoint-incompatible.avsc");

        assertThatThrownBy(() -> current.withWriterSchema(incompatible))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MetricPoint cannot read records written with");
    }

    @Test
    void registeredCodecStillReadsItsOwnSchemaAndSurvivesSerialization() throws Exception {
        RecordCodec<MetricPoint> codec = current.withWriterSchema(schema("MetricPoint-v2.avsc"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(buffer)) {
            out.writeObject(codec);
        }
        @SuppressWarnings("unchecked")
        RecordCodec<MetricPoint> copy =
                (RecordCodec<MetricPoint>)
                        new java.io.ObjectInputStream(
                                        new java.io.ByteArrayInputStream(buffer.toByteArray()))
                                .readObject();

        assertThat(copy.decode(codec.encode(SampleRecords.metricPoint())))
                .isEqualTo(SampleRecords.metricPoint());
    }

    private static Schema schema(String resource) throws IOException {
        try (InputStream in =
                SchemaEvolutionTest.class.getResourceAsStream("/evolution/" + resource)) {
            return new Schema.Parser().parse(in);
        }
    }

    /** The single-object framing, written independently of the codec under test. */
    private static byte[] singleObject(GenericRecord record) throws IOException {
        return singleObject(record, false);
    }

    /**
     * @param sizedBlocks write arrays and maps as blocks prefixed with their byte size, as Avro's
     *     blocking encoder does, so readers can skip them whole
     */
    private static byte[] singleObject(GenericRecord record, boolean sizedBlocks)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        long fingerprint =
                org.apache.avro.SchemaNormalization.parsingFingerprint64(record.getSchema());
        for (int i = 0; i < 8; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        BinaryEncoder encoder =
                sizedBlocks
                        ? EncoderFactory.get().blockingBinaryEncoder(out, null)
                        : EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
