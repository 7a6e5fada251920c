package dev.guardian.metrics.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.influxdb.InfluxPoint;
import dev.guardian.metrics.anomaly.AnomalyScore;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Source;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalySinkConvertersTest {

    private static final Instant T = Instant.parse("2026-11-20T09:00:00.250Z");

    static Anomaly anomaly() {
        return Anomaly.newBuilder()
                .setId("00aa11bb22cc33dd")
                .setSource(Source.METRICS)
                .setEntity("cpu_utilization{host=\"a\"}")
                .setMetric("cpu_utilization")
                .setLabels(Map.of("host", "a"))
                .setTime(T)
                .setValue(0.97)
                .setExpected(0.4)
                .setLower(null)
                .setUpper(0.46)
                .setUnit("1")
                .setScore(0.9)
                .setGrade(AnomalyGrade.HIGH)
                .setDetector("ensemble")
                .setDriver("window.level")
                .setExplanation("cpu was 0.97")
                .setLinks(Map.of("grafana", "http://g"))
                .setEvidence(Map.of("points_seen", "300"))
                .build();
    }

    @Test
    void anAnomalyIsOneRowOfTheSharedTable() {
        Map<String, Object> row = new AnomalyRow().toRow(anomaly());
        assertThat(row)
                .containsEntry("id", "00aa11bb22cc33dd")
                .containsEntry("source", "METRICS")
                .containsEntry("time", T)
                .containsEntry("grade", "HIGH")
                .containsEntry("lower", null)
                .containsEntry("labels", Map.of("host", "a"));
        assertThat(row.keySet())
                .containsExactly(
                        "id",
                        "source",
                        "entity",
                        "metric",
                        "labels",
                        "time",
                        "value",
                        "expected",
                        "lower",
                        "upper",
                        "unit",
                        "score",
                        "grade",
                        "detector",
                        "driver",
                        "explanation",
                        "links",
                        "evidence");
    }

    @Test
    void anAnomalyIsADocumentIndexedByItsId() {
        ElasticsearchDocument doc = new AnomalyDocument("guardian-anomalies").toDocument(anomaly());
        assertThat(doc.index()).isEqualTo("guardian-anomalies");
        assertThat(doc.id()).isEqualTo("00aa11bb22cc33dd");
        assertThat(doc.opType()).isEqualTo(ElasticsearchDocument.OpType.INDEX);
        String json = new String(doc.source(), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"@timestamp\":\"2026-11-20T09:00:00.250Z\"")
                .contains("\"time\":\"2026-11-20T09:00:00.250Z\"")
                .contains("\"labels\":{\"host\":\"a\"}")
                .contains("\"lower\":null")
                .contains("\"grade\":\"HIGH\"");
    }

    @Test
    void aScoreIsAnInfluxPointWithTheRollupTagsAndOnlyKnownFields() {
        AnomalyScore score = new AnomalyScore();
        score.seriesId = -1L;
        score.name = "cpu_utilization";
        score.labels = new String[] {"host", "a", "metric", "shadowed"};
        score.timestampMillis = T.toEpochMilli();
        score.value = 0.5;
        score.expected = Double.NaN;
        score.lower = Double.NaN;
        score.upper = 0.6;
        score.score = 0.1;
        score.rawScore = 0.2;

        List<InfluxPoint> points = new AnomalyScorePoint().toPoints(score);
        assertThat(points).hasSize(1);
        InfluxPoint point = points.get(0);
        assertThat(point.measurement()).isEqualTo("anomaly_scores");
        assertThat(point.tags())
                .containsEntry("metric", "cpu_utilization")
                .containsEntry("series_id", "18446744073709551615")
                .containsEntry("host", "a")
                .hasSize(3);
        assertThat(point.fields()).containsOnlyKeys("score", "raw_score", "value", "upper");
        assertThat(point.timestampNanos()).isEqualTo(T.toEpochMilli() * 1_000_000);
    }

    @Test
    void kafkaKeysAreTheIdAndTheFingerprintAndValuesAvro() {
        assertThat(new String(new AnomalyIdKey().serialize(anomaly()), StandardCharsets.UTF_8))
                .isEqualTo("00aa11bb22cc33dd");
        Alert alert =
                Alert.newBuilder()
                        .setFingerprint("f00d")
                        .setSource(Source.METRICS)
                        .setSeverity(AlertSeverity.ERROR)
                        .setStatus(AlertStatus.FIRING)
                        .setTitle("t")
                        .setSummary("s")
                        .setEntity("e")
                        .setLabels(Map.of())
                        .setLinks(List.of())
                        .setEvidence(Map.of())
                        .setStartsAt(T)
                        .setTime(T)
                        .build();
        assertThat(new String(new AlertFingerprintKey().serialize(alert), StandardCharsets.UTF_8))
                .isEqualTo("f00d");
        byte[] avro = new AvroValue<>(Anomaly.class).serialize(anomaly());
        assertThat(avro[0]).isEqualTo((byte) 0xc3);
        assertThat(RecordCodec.of(Anomaly.class).decode(avro)).isEqualTo(anomaly());
    }
}
