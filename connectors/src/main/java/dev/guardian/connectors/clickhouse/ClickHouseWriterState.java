package dev.guardian.connectors.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * What the exactly-once writer keeps across restores: the run id in its deduplication tokens. The
 * rows themselves never sit in writer state; at every checkpoint they become committables.
 */
public final class ClickHouseWriterState {

    private final String runId;

    public ClickHouseWriterState(String runId) {
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    public String runId() {
        return runId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClickHouseWriterState
                && runId.equals(((ClickHouseWriterState) o).runId);
    }

    @Override
    public int hashCode() {
        return runId.hashCode();
    }

    @Override
    public String toString() {
        return "ClickHouseWriterState{runId=" + runId + '}';
    }

    /** Version 1: the run id in modified UTF-8. */
    public static final class Serializer
            implements SimpleVersionedSerializer<ClickHouseWriterState> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(ClickHouseWriterState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(state.runId);
            }
            return bytes.toByteArray();
        }

        @Override
        public ClickHouseWriterState deserialize(int version, byte[] serialized)
                throws IOException {
            if (version != 1) {
                throw new IOException("unknown ClickHouseWriterState version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new ClickHouseWriterState(in.readUTF());
            }
        }
    }
}
