package dev.guardian.anomaly.flink;

import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of one series' model. Kryo cannot handle a Random Cut Forest (nor should it
 * guess at the others), so every detector writes its own versioned binary state; this serializer
 * frames it with its length, which lets Flink copy serialized state without decoding it.
 */
public final class SeriesAnomalyScorerSerializer extends TypeSerializer<SeriesAnomalyScorer> {

    private static final long serialVersionUID = 1L;

    private final DetectorConfig config;

    public SeriesAnomalyScorerSerializer(DetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public DetectorConfig config() {
        return config;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<SeriesAnomalyScorer> duplicate() {
        // holds no mutable state: the config is immutable
        return this;
    }

    @Override
    public SeriesAnomalyScorer createInstance() {
        return SeriesAnomalyScorer.create(config);
    }

    @Override
    public SeriesAnomalyScorer copy(SeriesAnomalyScorer from) {
        try {
            return SeriesAnomalyScorer.fromBytes(from.config(), from.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy series state", e);
        }
    }

    @Override
    public SeriesAnomalyScorer copy(SeriesAnomalyScorer from, SeriesAnomalyScorer reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SeriesAnomalyScorer record, DataOutputView target) throws IOException {
        byte[] bytes = record.toBytes();
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public SeriesAnomalyScorer deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return SeriesAnomalyScorer.fromBytes(config, bytes);
    }

    @Override
    public SeriesAnomalyScorer deserialize(SeriesAnomalyScorer reuse, DataInputView source)
            throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesAnomalyScorerSerializer
                && ((SeriesAnomalyScorerSerializer) o).config.equals(config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<SeriesAnomalyScorer> snapshotConfiguration() {
        return new SeriesAnomalyScorerSerializerSnapshot(config);
    }
}
