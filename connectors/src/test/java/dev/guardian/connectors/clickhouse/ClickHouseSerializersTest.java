package dev.guardian.connectors.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClickHouseSerializersTest {

    @Test
    void committableRoundTrips() throws IOException {
        ClickHouseCommittableSerializer serializer = new ClickHouseCommittableSerializer();
        ClickHouseCommittable committable =
                new ClickHouseCommittable(
                        "p-r-0-7-1", 2, "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));

        byte[] bytes = serializer.serialize(committable);

        assertThat(serializer.deserialize(serializer.getVersion(), bytes)).isEqualTo(committable);
        assertThatThrownBy(() -> serializer.deserialize(99, bytes)).isInstanceOf(IOException.class);
    }

    @Test
    void writerStateRoundTrips() throws IOException {
        ClickHouseWriterState.Serializer serializer = new ClickHouseWriterState.Serializer();
        ClickHouseWriterState state = new ClickHouseWriterState("8f3c2a91-4b1e");

        assertThat(serializer.deserialize(1, serializer.serialize(state))).isEqualTo(state);
    }
}
