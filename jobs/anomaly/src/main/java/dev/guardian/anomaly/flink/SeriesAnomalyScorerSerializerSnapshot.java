package dev.guardian.anomaly.flink;

import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a checkpoint records about {@link SeriesAnomalyScorerSerializer}: the configuration it ran
 * with. The state bytes carry their own version and sizes and do not depend on the configuration,
 * so a restored job may change the configuration: the state stays readable as is.
 */
public final class SeriesAnomalyScorerSerializerSnapshot
        implements TypeSerializerSnapshot<SeriesAnomalyScorer> {

    private static final int VERSION = 1;

    private DetectorConfig config;

    /** For Flink, which reads the snapshot into an empty instance. */
    public SeriesAnomalyScorerSerializerSnapshot() {}

    SeriesAnomalyScorerSerializerSnapshot(DetectorConfig config) {
        this.config = config;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(config);
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
            throws IOException {
        if (readVersion != VERSION) {
            throw new IOException("unknown snapshot version " + readVersion);
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (ObjectInputStream objects =
                new ObjectInputStream(new ByteArrayInputStream(bytes)) {
                    @Override
                    protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
                            throws IOException, ClassNotFoundException {
                        return Class.forName(desc.getName(), false, userCodeClassLoader);
                    }
                }) {
            config = (DetectorConfig) objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read the detector configuration", e);
        }
    }

    @Override
    public TypeSerializer<SeriesAnomalyScorer> restoreSerializer() {
        return new SeriesAnomalyScorerSerializer(config);
    }

    @Override
    public TypeSerializerSchemaCompatibility<SeriesAnomalyScorer> resolveSchemaCompatibility(
            TypeSerializerSnapshot<SeriesAnomalyScorer> oldSerializerSnapshot) {
        if (oldSerializerSnapshot instanceof SeriesAnomalyScorerSerializerSnapshot) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
