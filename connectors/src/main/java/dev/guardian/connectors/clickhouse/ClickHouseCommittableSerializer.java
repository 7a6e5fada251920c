package dev.guardian.connectors.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Version 1: token (modified UTF-8), row count, body length, body bytes. */
public final class ClickHouseCommittableSerializer
        implements SimpleVersionedSerializer<ClickHouseCommittable> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ClickHouseCommittable committable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(committable.body().length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(committable.dedupToken());
            out.writeInt(committable.rowCount());
            out.writeInt(committable.body().length);
            out.write(committable.body());
        }
        return bytes.toByteArray();
    }

    @Override
    public ClickHouseCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown ClickHouseCommittable version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            String token = in.readUTF();
            int rows = in.readInt();
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new ClickHouseCommittable(token, rows, body);
        }
    }
}
