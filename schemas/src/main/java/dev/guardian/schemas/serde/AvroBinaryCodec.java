package dev.guardian.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of one record kind: {@code C3 01}, the 8-byte little-endian
 * CRC-64-AVRO fingerprint of the writer schema, then the Avro binary body.
 *
 * <p>The fingerprint tells the reader which schema wrote the bytes, so records written by an older
 * or newer version of the schema are resolved against the current one as long as that version is
 * known: the current schema always is, others are added with {@link #withWriterSchema(Schema)}
 * (after a compatibility check). Unknown fingerprints, truncated bodies, impossible length prefixes
 * and trailing garbage raise {@link RecordDecodingException}.
 */
public final class AvroBinaryCodec<T extends SpecificRecord> implements Serializable {
    private static final long serialVersionUID = 1L;

    static final byte MAGIC_0 = (byte) 0xC3;
    static final byte MAGIC_1 = (byte) 0x01;
    static final int HEADER_LENGTH = 10;

    private final Class<T> type;
    private final List<String> otherWriterSchemas;
    private transient State<T> state;

    private AvroBinaryCodec(Class<T> type, List<String> otherWriterSchemas) {
        this.type = type;
        this.otherWriterSchemas = List.copyOf(otherWriterSchemas);
    }

    public static <T extends SpecificRecord> AvroBinaryCodec<T> forClass(Class<T> type) {
        return new AvroBinaryCodec<>(type, List.of());
    }

    /**
     * A codec that also reads records written with {@code writerSchema}, e.g. a previous or a newer
     * version of the record's schema.
     *
     * @throws IllegalArgumentException if the current schema cannot read what it writes
     */
    public AvroBinaryCodec<T> withWriterSchema(Schema writerSchema) {
        Schema reader = state().schema;
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new IllegalArgumentException(
                    type.getSimpleName()
                            + " cannot read records written with "
                            + writerSchema.getFullName()
                            + ": "
                            + compatibility.getDescription());
        }
        List<String> schemas = new ArrayList<>(otherWriterSchemas);
        schemas.add(writerSchema.toString());
        return new AvroBinaryCodec<>(type, schemas);
    }

    public Schema schema() {
        return state().schema;
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T record) {
        State<T> s = state();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_0);
        out.write(MAGIC_1);
        long fingerprint = s.fingerprint;
        for (int i = 0; i < 8; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            s.writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new RecordEncodingException(
                    type.getSimpleName(), String.valueOf(e.getMessage()), e);
        }
        return out.toByteArray();
    }

    public T decode(byte[] message) {
        String name = type.getSimpleName();
        if (message == null || message.length < HEADER_LENGTH) {
            throw new RecordDecodingException(
                    name,
                    null,
                    "Avro single-object message needs at least "
                            + HEADER_LENGTH
                            + " bytes, got "
                            + (message == null ? "null" : message.length));
        }
        if (message[0] != MAGIC_0 || message[1] != MAGIC_1) {
            throw new RecordDecodingException(
                    name,
                    null,
                    String.format(
                            "not an Avro single-object message (header %02X %02X, expected C3 01)",
                            message[0], message[1]));
        }
        long fingerprint = 0;
        for (int i = 0; i < 8; i++) {
            fingerprint |= (message[2 + i] & 0xffL) << (8 * i);
        }
        DatumReader<T> reader = state().readers.get(fingerprint);
        if (reader == null) {
            throw new RecordDecodingException(
                    name,
                    null,
                    String.format(
                            "unknown writer schema fingerprint %016x; known: %s",
                            fingerprint,
                            state().readers.keySet().stream()
                                    .map(known -> String.format("%016x", known))
                                    .toList()));
        }
        BoundedBinaryDecoder decoder =
                new BoundedBinaryDecoder(message, HEADER_LENGTH, message.length - HEADER_LENGTH);
        T record;
        try {
            record = reader.read(null, decoder);
            if (state().hasDecimals) {
                DecimalBounds.check(record, state().schema, "");
            }
        } catch (IOException | RuntimeException e) {
            throw new RecordDecodingException(name, null, "corrupt Avro body: " + describe(e), e);
        }
        if (decoder.remaining() != 0) {
            throw new RecordDecodingException(
                    name,
                    null,
                    "corrupt Avro body: " + decoder.remaining() + " unread bytes after the record");
        }
        return record;
    }

    /** CRC-64-AVRO fingerprint of the schema's parsing canonical form, as in the header. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private State<T> state() {
        State<T> s = state;
        if (s == null) {
            s = new State<>(type, otherWriterSchemas);
            state = s;
        }
        return s;
    }

    private static final class State<T> {
        final Schema schema;
        final long fingerprint;
        final boolean hasDecimals;
        final DatumWriter<T> writer;
        final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();

        State(Class<T> type, List<String> otherWriterSchemas) {
            SpecificData model = GuardianSpecificData.INSTANCE;
            schema = model.getSchema(type);
            fingerprint = fingerprint(schema);
            hasDecimals = DecimalBounds.hasDecimals(schema);
            writer = new SpecificDatumWriter<>(schema, model);
            readers.put(fingerprint, new SpecificDatumReader<>(schema, schema, model));
            for (String json : otherWriterSchemas) {
                Schema writerSchema = new Schema.Parser().parse(json);
                readers.put(
                        fingerprint(writerSchema),
                        new SpecificDatumReader<>(writerSchema, schema, model));
            }
        }
    }
}
