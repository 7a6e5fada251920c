package dev.guardian.anomaly.detectors;

import com.amazon.randomcutforest.RandomCutForest;
import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.state.RandomCutForestMapper;
import com.amazon.randomcutforest.state.RandomCutForestState;
import dev.guardian.anomaly.AnomalyDetector;
import dev.guardian.anomaly.Assessment;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import io.protostuff.LinkedBuffer;
import io.protostuff.ProtostuffIOUtil;
import io.protostuff.Schema;
import io.protostuff.runtime.RuntimeSchema;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Amazon's Random Cut Forest over shingles of the last {@link DetectorConfig#rcfShingleSize()}
 * points. Its anomaly score (about 1 for ordinary points) is put on the common scale by a {@link
 * RecordNormaliser}.
 *
 * <p>Kryo cannot copy a forest, so the state is written through RCF's own state mapper as a
 * protostuff message, tree structure and random generator included: a restored forest scores
 * exactly like the original. This costs tens to hundreds of kilobytes per series, and a forest
 * scores some 15-20 thousand points per second; hence it is not the default.
 */
public final class RandomCutForestDetector implements AnomalyDetector {

    private static final Schema<RandomCutForestState> SCHEMA =
            RuntimeSchema.getSchema(RandomCutForestState.class);
    private static final String FEATURE = "rcf.score";

    private final RecordNormaliser normaliser;
    private RandomCutForest forest;

    public RandomCutForestDetector(DetectorConfig config) {
        forest =
                RandomCutForest.builder()
                        .dimensions(config.rcfShingleSize())
                        .shingleSize(config.rcfShingleSize())
                        .internalShinglingEnabled(true)
                        .numberOfTrees(config.rcfTrees())
                        .sampleSize(config.rcfSampleSize())
                        .precision(Precision.FLOAT_32)
                        .parallelExecutionEnabled(false)
                        .randomSeed(config.rcfSeed())
                        .build();
        normaliser = new RecordNormaliser(config.normaliserHorizon(), 100, 0.0);
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.RCF;
    }

    @Override
    public Assessment update(long timestampMillis, double value, boolean continuous) {
        double[] point = {value};
        double raw = forest.getAnomalyScore(point);
        forest.update(point);
        if (!forest.isOutputReady()) {
            return Assessment.none(FEATURE);
        }
        return new Assessment(normaliser.update(raw), Double.NaN, Double.NaN, Double.NaN, FEATURE);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        byte[] bytes = toBytes(forest);
        out.writeInt(bytes.length);
        out.write(bytes);
        normaliser.writeTo(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        forest = fromBytes(bytes);
        normaliser.readFrom(in);
    }

    static byte[] toBytes(RandomCutForest forest) {
        RandomCutForestState state = mapper().toState(forest);
        return ProtostuffIOUtil.toByteArray(state, SCHEMA, LinkedBuffer.allocate(4096));
    }

    static RandomCutForest fromBytes(byte[] bytes) {
        RandomCutForestState state = SCHEMA.newMessage();
        ProtostuffIOUtil.mergeFrom(bytes, state, SCHEMA);
        return mapper().toModel(state);
    }

    private static RandomCutForestMapper mapper() {
        RandomCutForestMapper mapper = new RandomCutForestMapper();
        mapper.setSaveExecutorContextEnabled(true);
        mapper.setSaveTreeStateEnabled(true);
        return mapper;
    }
}
