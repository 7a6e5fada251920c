package dev.guardian.anomaly.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.anomaly.AnomalyResult;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.PointStatus;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SeriesAnomalyFunctionTest {

    private static final DetectorConfig CONFIG = DetectorConfig.DEFAULTS;
    private static final long STEP = 60_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, MetricObservation, SeriesScore>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SeriesAnomalyFunction(CONFIG)),
                MetricObservation::getSeries,
                Types.STRING);
    }

    /** Two series interleaved: {@code cpu} is noisy around 50, {@code mem} around 1000. */
    private static List<MetricObservation> points(int from, int to, int spikeAt) {
        List<MetricObservation> points = new ArrayList<>();
        Random random = new Random(from);
        for (int i = from; i < to; i++) {
            double cpu = 50 + random.nextGaussian() + (i == spikeAt ? 30 : 0);
            points.add(MetricObservation.gauge("cpu{host=a}", i * STEP, cpu));
            points.add(
                    MetricObservation.gauge("mem{host=a}", i * STEP, 1000 + random.nextGaussian()));
        }
        return points;
    }

    private static List<SeriesScore> process(
            KeyedOneInputStreamOperatorTestHarness<String, MetricObservation, SeriesScore> h,
            List<MetricObservation> points)
            throws Exception {
        int before = h.extractOutputValues().size();
        for (MetricObservation p : points) {
            h.processElement(new StreamRecord<>(p, p.timestampMillis));
        }
        List<SeriesScore> all = h.extractOutputValues();
        return new ArrayList<>(all.subList(before, all.size()));
    }

    @Test
    void keepsOneModelPerSeriesAndFlagsTheSpike() throws Exception {
        try (var h = harness()) {
            h.open();
            List<SeriesScore> out = process(h, points(0, 800, 700));
            assertThat(out).hasSize(1600);
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            assertThat(out.get(0).result().status()).isEqualTo(PointStatus.WARMING_UP);
            assertThat(out)
                    .filteredOn(s -> s.result().alert())
                    .extracting(s -> s.series() + "@" + s.result().timestampMillis())
                    .containsExactly("cpu{host=a}@" + 700 * STEP);
        }
    }

    @Test
    void snapshotAndRestoreContinueWithIdenticalScores() throws Exception {
        OperatorSubtaskState snapshot;
        List<SeriesScore> expected;
        try (var h = harness()) {
            h.open();
            process(h, points(0, 500, -1));
            snapshot = h.snapshot(1L, 1L);
            expected = process(h, points(500, 800, 650));
        }
        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            assertThat(restored.numKeyedStateEntries()).isEqualTo(2);
            List<SeriesScore> actual = process(restored, points(500, 800, 650));
            assertThat(actual).containsExactlyElementsOf(expected);
            assertThat(actual).anyMatch(s -> s.result().alert());
        }
    }

    @Test
    void serializerRoundTripsStateAndItsSnapshot() throws Exception {
        SeriesAnomalyScorerSerializer serializer = new SeriesAnomalyScorerSerializer(CONFIG);
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(CONFIG);
        for (int i = 0; i < 300; i++) {
            scorer.feed(i * STEP, Math.sin(i / 10.0));
        }
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(scorer, out);
        SeriesAnomalyScorer copy =
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(copy.toBytes()).isEqualTo(scorer.toBytes());
        assertThat(serializer.copy(scorer).toBytes()).isEqualTo(scorer.toBytes());

        DataOutputSerializer snapshotOut = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                snapshotOut, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<SeriesAnomalyScorer> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(snapshotOut.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(serializer);
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(read)
                                .isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void outputRecordsAreFlinkPojosOrRecords() {
        assertThat(Types.POJO(MetricObservation.class)).isNotNull();
        AnomalyResult any = SeriesAnomalyScorer.create(CONFIG).feed(0, 1.0);
        assertThat(any.status()).isEqualTo(PointStatus.WARMING_UP);
    }
}
