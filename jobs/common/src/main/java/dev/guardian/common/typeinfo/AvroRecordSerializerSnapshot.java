package dev.guardian.common.typeinfo;

import java.io.IOException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Remembers which record class a state was written with. The bytes themselves are self-describing
 * (single-object encoding), so any serializer of the same class can read them.
 */
public final class AvroRecordSerializerSnapshot<T extends SpecificRecord>
        implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private Class<T> type;

    /** For Flink's reflective restore. */
    public AvroRecordSerializerSnapshot() {}

    AvroRecordSerializerSnapshot(Class<T> type) {
        this.type = type;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(type.getName());
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        String className = in.readUTF();
        try {
            @SuppressWarnings("unchecked")
            Class<T> resolved = (Class<T>) Class.forName(className, false, classLoader);
            this.type = resolved;
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot load state record class " + className, e);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new AvroRecordSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSnapshot) {
        if (oldSnapshot instanceof AvroRecordSerializerSnapshot
                && ((AvroRecordSerializerSnapshot<T>) oldSnapshot)
                        .type
                        .getName()
                        .equals(type.getName())) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
