package dev.guardian.metrics.anomaly;

import dev.guardian.anomaly.AnomalyResult;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.SeriesKey;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Link;
import dev.guardian.schemas.Source;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics job's {@link Anomaly} and {@link Alert} records, with deterministic ids ({@link
 * AnomalyIds}), grade and severity from the score ({@link AnomalyGrades}), the explanation
 * sentence, evidence and links ({@link AnomalyLinks}). Pure functions of their inputs, so a replay
 * writes the same records.
 */
public final class AnomalyRecords implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int TITLE_LIMIT = 1024;

    private final AnomalySettings settings;
    private final AnomalyLinks links;

    public AnomalyRecords(AnomalySettings settings) {
        this.settings = settings;
        this.links = new AnomalyLinks(settings);
    }

    /** The anomaly opened by {@code result}, the verdict on {@code sample}. */
    public Anomaly anomaly(MetricSample sample, AnomalyResult result, long pointsSeen) {
        long time = result.timestampMillis();
        boolean counter = sample.isCounter();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("series_id", Long.toUnsignedString(sample.seriesId));
        evidence.put("points_seen", Long.toString(pointsSeen));
        evidence.put("status", result.status().name());
        evidence.put("raw_score", number(result.rawScore()));
        evidence.put("threshold", number(settings.detector().threshold()));
        evidence.put("scored_as", counter ? "per-second rate of the counter" : "the gauge's value");
        if (counter) {
            evidence.put("counter_total", number(sample.value));
        }
        double bands = bandWidths(result);
        if (Double.isFinite(bands)) {
            evidence.put("half_bands_from_expected", number(bands));
        }
        AnomalyGrade grade = AnomalyGrades.grade(result.score());
        return Anomaly.newBuilder()
                .setId(AnomalyIds.anomalyId(sample.series, time))
                .setSource(Source.METRICS)
                .setEntity(sample.series)
                .setMetric(sample.name)
                .setLabels(sample.labelMap())
                .setTime(Instant.ofEpochMilli(time))
                .setValue(result.value())
                .setExpected(finiteOrNull(result.expected()))
                .setLower(finiteOrNull(result.lower()))
                .setUpper(finiteOrNull(result.upper()))
                .setUnit(unit(sample))
                .setScore(result.score())
                .setGrade(grade)
                .setDetector(result.detector())
                .setDriver(
                        result.feature() == null || result.feature().isEmpty()
                                ? null
                                : result.feature())
                .setExplanation(explanation(sample, result, grade))
                .setLinks(links.links(sample.name, sample.seriesId, sample.series, time))
                .setEvidence(evidence)
                .build();
    }

    public Alert firing(Anomaly anomaly, AnomalyEpisode episode) {
        Map<String, String> evidence = new LinkedHashMap<>(anomaly.getEvidence());
        evidence.put("anomaly_id", anomaly.getId());
        evidence.put("score", number(anomaly.getScore()));
        evidence.put("grade", anomaly.getGrade().name());
        if (anomaly.getDriver() != null) {
            evidence.put("driver", anomaly.getDriver());
        }
        String summary =
                anomaly.getExplanation()
                        + "\nDetector "
                        + anomaly.getDetector()
                        + "; alert resolves after "
                        + settings.resolvePoints()
                        + " points in a row score below "
                        + number(settings.resolveScore())
                        + ".";
        return alert(episode, AlertStatus.FIRING)
                .setTitle(
                        limit(
                                "Anomaly: "
                                        + anomaly.getEntity()
                                        + " = "
                                        + number(anomaly.getValue())
                                        + (anomaly.getExpected() == null
                                                ? ""
                                                : ", expected " + number(anomaly.getExpected()))))
                .setSummary(summary)
                .setEvidence(evidence)
                .setValue(anomaly.getValue())
                .setExpected(anomaly.getExpected())
                .setTime(anomaly.getTime())
                .build();
    }

    /**
     * @param reason why it ended, one sentence
     */
    public Alert resolved(AnomalyEpisode episode, long timeMillis, String reason) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("anomaly_id", episode.anomalyId);
        evidence.put("peak_score", number(episode.peakScore));
        evidence.put("anomalies", Integer.toString(episode.anomalies));
        evidence.put("points", Long.toString(episode.points));
        evidence.put(
                "duration",
                Duration.ofMillis(Math.max(0, timeMillis - episode.startedAtMillis)).toString());
        return alert(episode, AlertStatus.RESOLVED)
                .setTitle(limit("Resolved: " + episode.series))
                .setSummary(
                        episode.series
                                + " is normal again: "
                                + reason
                                + "\nPeak score "
                                + number(episode.peakScore)
                                + " over "
                                + episode.points
                                + " points since "
                                + Instant.ofEpochMilli(episode.startedAtMillis)
                                + ".")
                .setEvidence(evidence)
                .setValue(finiteOrNull(episode.lastValue))
                .setExpected(finiteOrNull(episode.lastExpected))
                .setTime(Instant.ofEpochMilli(timeMillis))
                .build();
    }

    private Alert.Builder alert(AnomalyEpisode episode, AlertStatus status) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i + 1 < episode.labels.length; i += 2) {
            labels.put(episode.labels[i], episode.labels[i + 1]);
        }
        labels.putIfAbsent("metric", episode.name);
        labels.putIfAbsent("class", "metric-anomaly");
        List<Link> alertLinks = new ArrayList<>();
        Map<String, String> targets =
                links.links(
                        episode.name,
                        SeriesKey.id(episode.series),
                        episode.series,
                        episode.startedAtMillis);
        alertLinks.add(new Link(targets.get("grafana"), "Grafana: the series, its band and score"));
        alertLinks.add(
                new Link(targets.get("clickhouse"), "ClickHouse: raw points around the start"));
        return Alert.newBuilder()
                .setFingerprint(episode.fingerprint)
                .setSource(Source.METRICS)
                .setSeverity(AlertSeverity.valueOf(episode.severity))
                .setStatus(status)
                .setEntity(episode.series)
                .setLabels(labels)
                .setLinks(alertLinks)
                .setStartsAt(Instant.ofEpochMilli(episode.startedAtMillis))
                .setRunbook(null)
                .setOriginId(episode.anomalyId);
    }

    String explanation(MetricSample sample, AnomalyResult result, AnomalyGrade grade) {
        StringBuilder sb = new StringBuilder();
        sb.append(sample.isCounter() ? "The rate of " : "").append(sample.series);
        sb.append(" was ").append(number(result.value()));
        if (sample.isCounter()) {
            sb.append("/s");
        }
        sb.append(" at ").append(Instant.ofEpochMilli(result.timestampMillis()));
        if (Double.isFinite(result.expected())) {
            sb.append(", expected ").append(number(result.expected()));
            if (Double.isFinite(result.lower()) && Double.isFinite(result.upper())) {
                sb.append(" (normal ")
                        .append(number(result.lower()))
                        .append(" to ")
                        .append(number(result.upper()))
                        .append(')');
            }
        }
        sb.append("; score ")
                .append(number(result.score()))
                .append(" (")
                .append(grade.name())
                .append(", threshold ")
                .append(number(settings.detector().threshold()))
                .append(")");
        if (result.feature() != null && !result.feature().isEmpty()) {
            sb.append(", driven by ").append(result.feature());
        }
        return sb.append('.').toString();
    }

    private static String unit(MetricSample sample) {
        String unit = sample.unit == null ? "" : sample.unit;
        if (sample.isCounter()) {
            return unit.isEmpty() ? "1/s" : unit + "/s";
        }
        return unit.isEmpty() ? null : unit;
    }

    /** How far the value is from expected, in half-widths of the normal band. */
    private static double bandWidths(AnomalyResult result) {
        double half = (result.upper() - result.lower()) / 2;
        return half > 0 ? (result.value() - result.expected()) / half : Double.NaN;
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Four significant digits; an exponent only for the very large and very small. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e6 ? rounded.toPlainString() : rounded.toString();
    }

    private static String limit(String title) {
        return title.length() <= TITLE_LIMIT ? title : title.substring(0, TITLE_LIMIT - 3) + "...";
    }
}
