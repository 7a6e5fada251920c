package dev.guardian.logs.template;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link LogTemplateMiner} to Flink state: its configuration, line sequence, live
 * templates with their statistics, aliases and generalisation candidates, in their iteration order,
 * so a restored miner answers exactly as the original would. The exact-match cache is derived data
 * and is rebuilt on use.
 *
 * <p>Format version 1; a new layout must bump {@link #VERSION} and keep reading the old one.
 */
public final class LogTemplateMinerSerializer extends TypeSerializerSingleton<LogTemplateMiner> {

    private static final long serialVersionUID = 1L;

    public static final LogTemplateMinerSerializer INSTANCE = new LogTemplateMinerSerializer();

    static final int VERSION = 1;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public LogTemplateMiner createInstance() {
        return LogTemplateMiner.withDefaults();
    }

    @Override
    public LogTemplateMiner copy(LogTemplateMiner from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("copying a template miner in memory failed", e);
        }
    }

    @Override
    public LogTemplateMiner copy(LogTemplateMiner from, LogTemplateMiner reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(LogTemplateMiner miner, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        TemplateMinerConfig config = miner.config();
        out.writeInt(config.maxTemplates());
        out.writeInt(config.generaliseAfter());
        out.writeInt(config.minContextWords());
        out.writeInt(config.maxTokens());
        out.writeInt(config.cacheSize());
        out.writeLong(miner.sequence());

        out.writeInt(miner.size());
        for (LogTemplate t : miner.templates()) {
            writeStrings(t.tokens(), out);
            for (boolean spaced : t.spacing()) {
                out.writeBoolean(spaced);
            }
            out.writeLong(t.count());
            out.writeLong(t.firstSeen());
            out.writeLong(t.lastSeen());
            out.writeLong(t.lastUsed());
            out.writeBoolean(t.example() != null);
            if (t.example() != null) {
                StringValue.writeString(t.example(), out);
            }
        }

        Map<String, String> aliases = miner.aliases();
        out.writeInt(aliases.size());
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            StringValue.writeString(alias.getKey(), out);
            StringValue.writeString(alias.getValue(), out);
        }

        Map<String, List<String>> families = miner.families();
        out.writeInt(families.size());
        for (Map.Entry<String, List<String>> family : families.entrySet()) {
            StringValue.writeString(family.getKey(), out);
            writeStrings(family.getValue().toArray(new String[0]), out);
        }
    }

    @Override
    public LogTemplateMiner deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown template miner state version " + version);
        }
        TemplateMinerConfig config =
                new TemplateMinerConfig(
                        in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
        long sequence = in.readLong();

        int templateCount = in.readInt();
        List<LogTemplate> templates = new ArrayList<>(templateCount);
        for (int i = 0; i < templateCount; i++) {
            String[] tokens = readStrings(in);
            boolean[] spacing = new boolean[tokens.length];
            for (int s = 0; s < spacing.length; s++) {
                spacing[s] = in.readBoolean();
            }
            long count = in.readLong();
            long firstSeen = in.readLong();
            long lastSeen = in.readLong();
            long lastUsed = in.readLong();
            String example = in.readBoolean() ? StringValue.readString(in) : null;
            templates.add(
                    new LogTemplate(
                            tokens, count, firstSeen, lastSeen, lastUsed, example, spacing));
        }

        int aliasCount = in.readInt();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < aliasCount; i++) {
            aliases.put(StringValue.readString(in), StringValue.readString(in));
        }

        int familyCount = in.readInt();
        Map<String, List<String>> families = new LinkedHashMap<>();
        for (int i = 0; i < familyCount; i++) {
            String key = StringValue.readString(in);
            families.put(key, new ArrayList<>(List.of(readStrings(in))));
        }
        return LogTemplateMiner.restore(config, sequence, templates, aliases, families);
    }

    @Override
    public LogTemplateMiner deserialize(LogTemplateMiner reuse, DataInputView in)
            throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<LogTemplateMiner> snapshotConfiguration() {
        return new MinerSerializerSnapshot();
    }

    private static void writeStrings(String[] values, DataOutputView out) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            StringValue.writeString(value, out);
        }
    }

    private static String[] readStrings(DataInputView in) throws IOException {
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = StringValue.readString(in);
        }
        return values;
    }

    /** Serializer snapshot; public with a no-argument constructor, as Flink requires. */
    public static final class MinerSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<LogTemplateMiner> {

        public MinerSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
