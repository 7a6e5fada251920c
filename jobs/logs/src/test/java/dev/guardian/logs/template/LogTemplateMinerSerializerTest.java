package dev.guardian.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class LogTemplateMinerSerializerTest {

    private static final List<String> LINES =
            List.of(
                    "session opened for user cyrus by LOGIN",
                    "session opened for user news by LOGIN",
                    "Received block blk_1 of size 67108864 from /10.251.42.84",
                    "session opened for user test by LOGIN",
                    "connection from 10.0.0.1 () at Sun Jul 10 03:55:21 2005",
                    // snapshot taken here
                    "session opened for user root by LOGIN",
                    "connection from 10.0.0.2 (a.example.com) at Mon Jul 11 03:55:21 2005",
                    "Received block blk_2 of size 3 from /10.250.11.53",
                    "session opened for user guest by LOGIN",
                    "a brand new kind of message");

    private final LogTemplateMinerSerializer serializer = LogTemplateMinerSerializer.INSTANCE;

    @Test
    void aRestoredMinerContinuesExactlyLikeTheOriginal() throws IOException {
        TemplateMinerConfig config = TemplateMinerConfig.defaults().withMaxTemplates(10);
        LogTemplateMiner original = new LogTemplateMiner(config);
        for (String line : LINES.subList(0, 5)) {
            original.mine(line, 1);
        }

        LogTemplateMiner restored = roundTrip(original);

        assertThat(restored.config()).isEqualTo(config);
        assertThat(restored.sequence()).isEqualTo(original.sequence());
        assertThat(restored.templates())
                .extracting(LogTemplate::toString)
                .containsExactlyElementsOf(
                        original.templates().stream().map(LogTemplate::toString).toList());
        assertThat(restored.families()).isEqualTo(original.families());
        assertThat(mineRest(restored)).isEqualTo(mineRest(original));
        assertThat(restored.aliases()).isEqualTo(original.aliases());
    }

    @Test
    void copyIsDeepAndIndependent() {
        LogTemplateMiner original = LogTemplateMiner.withDefaults();
        original.mine(LINES.get(2), 1);
        LogTemplateMiner copy = serializer.copy(original);

        copy.mine("something else entirely", 2);

        assertThat(copy.size()).isEqualTo(2);
        assertThat(original.size()).isEqualTo(1);
    }

    @Test
    void theSerializerSnapshotRestoresACompatibleSerializer() throws IOException {
        TypeSerializerSnapshot<LogTemplateMiner> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<LogTemplateMiner> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());

        TypeSerializer<LogTemplateMiner> restored = read.restoreSerializer();
        assertThat(restored).isEqualTo(serializer);
        assertThat(
                        read.resolveSchemaCompatibility(serializer.snapshotConfiguration())
                                .isCompatibleAsIs())
                .isTrue();
    }

    private LogTemplateMiner roundTrip(LogTemplateMiner miner) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(miner, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static List<String> mineRest(LogTemplateMiner miner) {
        List<String> results = new ArrayList<>();
        for (String line : LINES.subList(5, LINES.size())) {
            TemplateMatch match = miner.mine(line, 2);
            results.add(match + " new=" + match.isNewTemplate() + " merged=" + match.mergedIds());
        }
        return results;
    }
}
