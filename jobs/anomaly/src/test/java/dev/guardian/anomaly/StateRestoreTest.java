package dev.guardian.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateRestoreTest {

    @ParameterizedTest
    @EnumSource(DetectorKind.class)
    void restoredModelScoresExactlyLikeTheOriginal(DetectorKind kind) throws Exception {
        DetectorConfig config =
                DetectorConfig.DEFAULTS.toBuilder().detector(kind).rcfTrees(10).build();
        SyntheticSeries series = new SyntheticSeries(17, 20, 2);
        SeriesAnomalyScorer original = SeriesAnomalyScorer.create(config);
        int before = kind == DetectorKind.RCF ? 400 : 900;
        for (int i = 0; i < before; i++) {
            original.feed(SyntheticSeries.time(i), series.normal(i));
        }
        byte[] saved = original.toBytes();
        SeriesAnomalyScorer restored = SeriesAnomalyScorer.fromBytes(config, saved);

        List<AnomalyResult> expected = new ArrayList<>();
        List<AnomalyResult> actual = new ArrayList<>();
        for (int i = before; i < before + 300; i++) {
            double value = series.normal(i) + (i == before + 100 ? 50 : 0);
            expected.add(original.feed(SyntheticSeries.time(i), value));
            actual.add(restored.feed(SyntheticSeries.time(i), value));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(r -> r.rawScore() > 0);
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
    }
}
