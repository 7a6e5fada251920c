package dev.guardian.metrics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.MetricsJobOptions;
import dev.guardian.metrics.SeriesIdSelector;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DetectSeriesAnomaliesTest {

    private static final AnomalySettings SETTINGS = AnomalySettings.from(new Configuration());

    /** Enough history for the default detector to have left its warm-up. */
    private static final int HISTORY = SETTINGS.detector().warmupPoints() + 50;

    private KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private long checkpointId;

    private static KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, Anomaly> newHarness()
            throws Exception {
        return newHarness(SETTINGS);
    }

    private static KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, Anomaly> newHarness(
            AnomalySettings settings) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, Anomaly> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new DetectSeriesAnomaliesOperator(settings),
                        new SeriesIdSelector(),
                        Types.LONG);
        harness.setup(AvroRecordTypeInfo.forRecord(Anomaly.class).createSerializer(null));
        return harness;
    }

    private static AnomalySettings withModelCache(int size) {
        Configuration conf = new Configuration();
        conf.set(MetricsJobOptions.ANOMALY_MODEL_CACHE, size);
        return AnomalySettings.from(conf);
    }

    /** Keyed state entries once cached models have been flushed, as before a barrier. */
    private int stateEntries() throws Exception {
        harness.prepareSnapshotPreBarrier(++checkpointId);
        return harness.numKeyedStateEntries();
    }

    private OperatorSubtaskState checkpoint() throws Exception {
        harness.prepareSnapshotPreBarrier(++checkpointId);
        return harness.snapshot(checkpointId, checkpointId);
    }

    private void feed(MetricSample sample) throws Exception {
        harness.processElement(new StreamRecord<>(sample, sample.timestampMillis));
    }

    private void history(SeriesPoints series) throws Exception {
        for (int i = 0; i < HISTORY; i++) {
            feed(series.normal());
        }
    }

    private List<Anomaly> anomalies() {
        return harness.extractOutputValues();
    }

    private List<Alert> alerts() {
        return harness.getSideOutput(DetectSeriesAnomalies.ALERTS) == null
                ? List.of()
                : harness.getSideOutput(DetectSeriesAnomalies.ALERTS).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
    }

    private List<AnomalyScore> scores() {
        return harness.getSideOutput(DetectSeriesAnomalies.SCORES).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
    }

    @Test
    void aSpikeOpensAnEpisodeThatNormalPointsResolve() throws Exception {
        SeriesPoints cpu = SeriesPoints.cpu("a");
        history(cpu);
        assertThat(anomalies()).isEmpty();
        assertThat(alerts()).isEmpty();
        assertThat(stateEntries()).isEqualTo(1); // the model only
        assertThat(harness.numEventTimeTimers()).isZero();

        int spike = cpu.next();
        feed(cpu.value(0.99));

        assertThat(anomalies()).hasSize(1);
        Anomaly anomaly = anomalies().get(0);
        assertThat(anomaly.getSource()).isEqualTo(Source.METRICS);
        assertThat(anomaly.getEntity())
                .isEqualTo("cpu_utilization{host=\"a\",region=\"eu-west-1\"}");
        assertThat(anomaly.getTime().toEpochMilli()).isEqualTo(SeriesPoints.at(spike));
        assertThat(anomaly.getValue()).isEqualTo(0.99);
        assertThat(anomaly.getExpected()).isBetween(0.38, 0.42);
        assertThat(anomaly.getUpper()).isLessThan(0.99);
        assertThat(anomaly.getScore()).isGreaterThanOrEqualTo(SETTINGS.detector().threshold());
        assertThat(anomaly.getExplanation()).contains("was 0.99", "expected 0.3", "window.level");
        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING);
                            assertThat(a.getOriginId()).isEqualTo(anomaly.getId());
                        });
        assertThat(stateEntries()).isEqualTo(2); // model and episode
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // silence check

        int resolvedAt = -1;
        for (int i = 0; i < 40 && resolvedAt < 0; i++) {
            feed(cpu.normal());
            if (alerts().size() == 2) {
                resolvedAt = i;
            }
        }
        assertThat(resolvedAt).as("resolved within 40 normal points").isGreaterThanOrEqualTo(0);
        Alert resolved = alerts().get(1);
        assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.getFingerprint()).isEqualTo(alerts().get(0).getFingerprint());
        assertThat(resolved.getStartsAt()).isEqualTo(anomaly.getTime());
        // the last resolve-points scores were all normal
        List<AnomalyScore> scores = scores();
        assertThat(scores.subList(scores.size() - SETTINGS.resolvePoints(), scores.size()))
                .allSatisfy(s -> assertThat(s.score).isLessThan(SETTINGS.resolveScore()));
        assertThat(scores).hasSize(cpu.next()); // every gauge point is scored
        assertThat(anomalies()).hasSize(1);
        assertThat(stateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aSilentSeriesIsResolvedByTheWatermark() throws Exception {
        SeriesPoints cpu = SeriesPoints.cpu("b");
        history(cpu);
        long opened = SeriesPoints.at(cpu.next());
        feed(cpu.value(0.99));
        // still anomalous for a while, then silent
        for (int i = 0; i < 10; i++) {
            feed(cpu.value(0.99));
        }
        long last = SeriesPoints.at(cpu.next() - 1);
        assertThat(alerts()).hasSize(1);

        // the first check falls due while the series was still sending: moved, not resolved
        harness.processWatermark(opened + SETTINGS.resolveSilenceMillis());
        assertThat(alerts()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(last + SETTINGS.resolveSilenceMillis() - 1);
        assertThat(alerts()).hasSize(1);

        harness.processWatermark(last + SETTINGS.resolveSilenceMillis());
        assertThat(alerts()).hasSize(2);
        Alert resolved = alerts().get(1);
        assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.getTime().toEpochMilli())
                .isEqualTo(last + SETTINGS.resolveSilenceMillis());
        assertThat(resolved.getSummary()).contains("no point since");
        assertThat(stateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void modelAndEpisodeSurviveSnapshotAndRestore() throws Exception {
        SeriesPoints cpu = SeriesPoints.cpu("c");
        history(cpu);
        feed(cpu.value(0.99));
        String fingerprint = alerts().get(0).getFingerprint();
        OperatorSubtaskState snapshot = checkpoint();
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        feed(cpu.normal());
        // a restored model has an opinion at once; a fresh one would be warming up
        assertThat(scores())
                .singleElement()
                .satisfies(s -> assertThat(s.expected).isBetween(0.38, 0.42));
        for (int i = 0; i < 40 && alerts().isEmpty(); i++) {
            feed(cpu.normal());
        }
        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
                            assertThat(a.getFingerprint()).isEqualTo(fingerprint);
                        });
        assertThat(anomalies()).isEmpty();
        assertThat(stateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void countersAreScoredAsPerSecondRates() throws Exception {
        SeriesPoints requests = SeriesPoints.requests("d");
        double total = 1_000;
        for (int i = 0; i < 20; i++) {
            total += 50; // 5 requests/s at one point every 10 s
            feed(requests.value(total));
        }
        List<AnomalyScore> scores = scores();
        // the first point of a counter has no rate yet
        assertThat(scores).hasSize(19);
        assertThat(scores).allSatisfy(s -> assertThat(s.value).isEqualTo(5.0));
        assertThat(stateEntries()).isEqualTo(1);
    }

    @Test
    void seriesAreIndependent() throws Exception {
        SeriesPoints a = SeriesPoints.cpu("e");
        SeriesPoints b = SeriesPoints.cpu("f");
        for (int i = 0; i < HISTORY; i++) {
            feed(a.normal());
            feed(b.normal());
        }
        feed(a.value(0.99));
        feed(b.normal());
        assertThat(anomalies())
                .singleElement()
                .satisfies(x -> assertThat(x.getEntity()).contains("host=\"e\""));
        assertThat(stateEntries()).isEqualTo(3); // two models, one episode
    }

    @Test
    void cachedModelsReachStateBeforeTheBarrierAndWhenEvicted() throws Exception {
        SeriesPoints a = SeriesPoints.cpu("g");
        for (int i = 0; i < 10; i++) {
            feed(a.normal());
        }
        assertThat(harness.numKeyedStateEntries()).as("cached, not yet in state").isZero();
        assertThat(stateEntries()).isEqualTo(1);
        harness.close();

        harness = newHarness(withModelCache(1));
        harness.open();
        SeriesPoints b = SeriesPoints.cpu("h");
        SeriesPoints c = SeriesPoints.cpu("i");
        feed(b.normal());
        feed(c.normal()); // evicts b's model, which goes to state under b
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(stateEntries()).isEqualTo(2);
    }

    @Test
    void theCacheChangesNoScore() throws Exception {
        List<Double> uncached = scoresOf(newHarness(withModelCache(0)), false);
        List<Double> evicting = scoresOf(newHarness(withModelCache(1)), false);
        List<Double> restored = scoresOf(newHarness(SETTINGS), true);
        assertThat(uncached).hasSize(2 * (HISTORY + 20));
        assertThat(evicting).isEqualTo(uncached);
        assertThat(restored).isEqualTo(uncached);
    }

    /** Two interleaved series with a spike each; optionally checkpointed and restored midway. */
    private List<Double> scoresOf(
            KeyedOneInputStreamOperatorTestHarness<Long, MetricSample, Anomaly> run,
            boolean restoreMidway)
            throws Exception {
        harness.close();
        harness = run;
        harness.open();
        SeriesPoints a = SeriesPoints.cpu("j");
        SeriesPoints b = SeriesPoints.cpu("k");
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < HISTORY + 20; i++) {
            if (restoreMidway && i == HISTORY / 2) {
                scores.addAll(scores().stream().map(s -> s.score).toList());
                OperatorSubtaskState snapshot = checkpoint();
                harness.close();
                harness = newHarness(SETTINGS);
                harness.initializeState(snapshot);
                harness.open();
            }
            feed(i == HISTORY ? a.value(0.99) : a.normal());
            feed(b.normal());
        }
        scores.addAll(scores().stream().map(s -> s.score).toList());
        return scores;
    }
}
