package dev.guardian.common.typeinfo;

import dev.guardian.schemas.serde.AvroBinaryCodec;
import java.io.IOException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serialises Guardian's Avro records between operators and in state with the same single-object
 * encoding used on the topics. Flink's own Avro serializer cannot be used: Avro 1.12 refuses to
 * instantiate classes outside a trusted-package list that would have to be set on every
 * TaskManager, while {@link AvroBinaryCodec} trusts Guardian's generated classes by name.
 *
 * <p>The single-object header carries the schema fingerprint, so state written by an older schema
 * version is still readable after an upgrade, as long as the codec knows that writer schema.
 */
public final class AvroRecordSerializer<T extends SpecificRecord> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient AvroBinaryCodec<T> codec;

    public AvroRecordSerializer(Class<T> type) {
        this.type = type;
    }

    Class<T> type() {
        return type;
    }

    private AvroBinaryCodec<T> codec() {
        if (codec == null) {
            codec = AvroBinaryCodec.forClass(type);
        }
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        // The codec keeps reusable encoders per instance; a duplicate gets its own.
        return new AvroRecordSerializer<>(type);
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from == null ? null : codec().decode(codec().encode(from));
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] bytes = codec().encode(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return codec().decode(bytes);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AvroRecordSerializer
                && ((AvroRecordSerializer<?>) obj).type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new AvroRecordSerializerSnapshot<>(type);
    }
}
