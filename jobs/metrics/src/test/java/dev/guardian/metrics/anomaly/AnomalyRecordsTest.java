package dev.guardian.metrics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.anomaly.AnomalyResult;
import dev.guardian.anomaly.PointStatus;
import dev.guardian.metrics.MetricSample;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class AnomalyRecordsTest {

    private static final AnomalySettings SETTINGS = AnomalySettings.from(new Configuration());
    private static final AnomalyRecords RECORDS = new AnomalyRecords(SETTINGS);
    private static final long T = SeriesPoints.at(0);

    private static MetricSample cpu(double value) {
        return MetricSample.of(
                "cpu_utilization", Map.of("host", "a'b", "env", "prod"), T, value, "GAUGE", "1");
    }

    private static AnomalyResult result(double value, double score) {
        return new AnomalyResult(
                T,
                value,
                score,
                score,
                0.4,
                0.34,
                0.46,
                "ensemble",
                "window.level",
                true,
                PointStatus.SCORED);
    }

    @Test
    void idsAreDeterministicAndFingerprintsStablePerSeries() {
        String series = cpu(1).series;
        assertThat(AnomalyIds.anomalyId(series, T))
                .isEqualTo(AnomalyIds.anomalyId(series, T))
                .hasSize(16);
        assertThat(AnomalyIds.anomalyId(series, T))
                .isNotEqualTo(AnomalyIds.anomalyId(series, T + 1));
        assertThat(AnomalyIds.fingerprint(series))
                .isEqualTo(AnomalyIds.fingerprint(series))
                .isNotEqualTo(AnomalyIds.fingerprint(series + "x"))
                .isNotEqualTo(AnomalyIds.anomalyId(series, T));
    }

    @Test
    void gradesAndSeveritiesFollowTheScore() {
        assertThat(AnomalyGrades.grade(0.65)).isEqualTo(AnomalyGrade.LOW);
        assertThat(AnomalyGrades.grade(0.75)).isEqualTo(AnomalyGrade.MEDIUM);
        assertThat(AnomalyGrades.grade(0.85)).isEqualTo(AnomalyGrade.HIGH);
        assertThat(AnomalyGrades.grade(1.0)).isEqualTo(AnomalyGrade.CRITICAL);
        assertThat(AnomalyGrades.severity(AnomalyGrade.CRITICAL)).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AnomalyGrades.severity(AnomalyGrade.LOW)).isEqualTo(AlertSeverity.INFO);
    }

    @Test
    void anAnomalyExplainsItselfAndLinksToItsRawData() {
        MetricSample sample = cpu(0.97);
        Anomaly anomaly = RECORDS.anomaly(sample, result(0.97, 0.9), 300);

        assertThat(anomaly.getId()).isEqualTo(AnomalyIds.anomalyId(sample.series, T));
        assertThat(anomaly.getMetric()).isEqualTo("cpu_utilization");
        assertThat(anomaly.getLabels()).containsEntry("host", "a'b");
        assertThat(anomaly.getGrade()).isEqualTo(AnomalyGrade.HIGH);
        assertThat(anomaly.getDriver()).isEqualTo("window.level");
        assertThat(anomaly.getUnit()).isEqualTo("1");
        assertThat(anomaly.getExplanation())
                .isEqualTo(
                        sample.series
                                + " was 0.97 at 2026-11-20T09:00:00Z, expected 0.4 (normal 0.34 to"
                                + " 0.46); score 0.9 (HIGH, threshold 0.65), driven by window.level.");
        assertThat(anomaly.getEvidence())
                .containsEntry("points_seen", "300")
                .containsEntry("series_id", Long.toUnsignedString(sample.seriesId))
                .containsEntry("half_bands_from_expected", "9.5");
        String sql = anomaly.getLinks().get("clickhouse_query");
        assertThat(sql)
                .contains("guardian.metric_points FINAL")
                .contains("name = 'cpu_utilization'")
                .contains("series_id = " + Long.toUnsignedString(sample.seriesId))
                .contains("fromUnixTimestamp64Milli(" + (T - 1_800_000) + ")");
        assertThat(anomaly.getLinks().get("clickhouse"))
                .startsWith("http://127.0.0.1:8123/?query=SELECT");
        assertThat(anomaly.getLinks().get("grafana"))
                .startsWith(
                        "http://127.0.0.1:3000/d/guardian-anomalies/anomalies?var-metric=cpu_utilization&var-series=cpu_utilization%7B");
    }

    @Test
    void aCounterAnomalyIsAboutItsRate() {
        MetricSample sample =
                MetricSample.of("http_requests_total", Map.of(), T, 12_345, "COUNTER", "");
        Anomaly anomaly = RECORDS.anomaly(sample, result(42, 0.7), 200);
        assertThat(anomaly.getUnit()).isEqualTo("1/s");
        assertThat(anomaly.getExplanation()).startsWith("The rate of http_requests_total was 42/s");
        assertThat(anomaly.getEvidence()).containsEntry("counter_total", "12350");
    }

    @Test
    void firingAndResolvedShareTheFingerprint() {
        MetricSample sample = cpu(0.97);
        Anomaly anomaly = RECORDS.anomaly(sample, result(0.97, 1.0), 300);
        AnomalyEpisode episode = new AnomalyEpisode();
        episode.fingerprint = AnomalyIds.fingerprint(sample.series);
        episode.anomalyId = anomaly.getId();
        episode.series = sample.series;
        episode.name = sample.name;
        episode.labels = sample.labels;
        episode.severity = AlertSeverity.CRITICAL.name();
        episode.startedAtMillis = T;
        episode.lastValue = 0.41;
        episode.lastExpected = Double.NaN;

        Alert firing = RECORDS.firing(anomaly, episode);
        Alert resolved =
                RECORDS.resolved(episode, T + 60_000, "5 points in a row scored below 0.35.");

        assertThat(firing.getStatus()).isEqualTo(AlertStatus.FIRING);
        assertThat(firing.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(firing.getTitle())
                .isEqualTo("Anomaly: " + sample.series + " = 0.97, expected 0.4");
        assertThat(firing.getLabels())
                .containsEntry("env", "prod")
                .containsEntry("metric", "cpu_utilization");
        assertThat(firing.getLinks()).hasSize(2);
        assertThat(firing.getEvidence()).containsEntry("anomaly_id", anomaly.getId());
        assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.getFingerprint()).isEqualTo(firing.getFingerprint());
        assertThat(resolved.getOriginId()).isEqualTo(anomaly.getId());
        assertThat(resolved.getStartsAt()).isEqualTo(firing.getStartsAt());
        assertThat(resolved.getTime().toEpochMilli()).isEqualTo(T + 60_000);
        assertThat(resolved.getExpected()).isNull();
        assertThat(resolved.getEvidence()).containsEntry("duration", "PT1M");
    }

    @Test
    void numbersHaveFourSignificantDigits() {
        assertThat(AnomalyRecords.number(0.123456)).isEqualTo("0.1235");
        assertThat(AnomalyRecords.number(123456.7)).isEqualTo("123500");
        assertThat(AnomalyRecords.number(4_470_107_077.0)).isEqualTo("4.47E+9");
        assertThat(AnomalyRecords.number(2.0)).isEqualTo("2");
        assertThat(AnomalyRecords.number(1e-7)).isEqualTo("1E-7");
    }
}
