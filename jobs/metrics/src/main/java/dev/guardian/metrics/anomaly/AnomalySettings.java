package dev.guardian.metrics.anomaly;

import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.metrics.MetricsJobOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.Configuration;

/**
 * How the metrics job turns detector verdicts into anomaly episodes, and where their links point.
 * Immutable; built once from the job's configuration.
 *
 * @param detector the detector configuration ({@link DetectorConfig#DEFAULTS} in the job)
 * @param resolvePoints consecutive normal points that end an episode
 * @param resolveScore score under which a point is normal
 * @param resolveSilenceMillis event time without a point after which an open episode ends
 * @param stateTtl how long an idle series keeps its model; zero for ever
 * @param modelCacheSize models kept deserialised per subtask between checkpoints; 0 for none
 * @param grafanaUrl base URL of Grafana, for links
 * @param clickHouseUrl ClickHouse HTTP URL, for the raw-data link
 * @param clickHouseDatabase database of {@code metric_points}
 */
public record AnomalySettings(
        DetectorConfig detector,
        int resolvePoints,
        double resolveScore,
        long resolveSilenceMillis,
        Duration stateTtl,
        int modelCacheSize,
        String grafanaUrl,
        String clickHouseUrl,
        String clickHouseDatabase)
        implements Serializable {

    public AnomalySettings {
        Objects.requireNonNull(detector, "detector");
        if (resolvePoints < 1) {
            throw new IllegalArgumentException("resolve points must be at least 1");
        }
        if (!(resolveScore > 0 && resolveScore < detector.threshold())) {
            throw new IllegalArgumentException(
                    "resolve score "
                            + resolveScore
                            + " must be above 0 and below the detector threshold "
                            + detector.threshold());
        }
        if (resolveSilenceMillis <= 0) {
            throw new IllegalArgumentException("resolve silence must be positive");
        }
        if (modelCacheSize < 0) {
            throw new IllegalArgumentException("model cache size must not be negative");
        }
        if (stateTtl.isNegative()) {
            throw new IllegalArgumentException("state TTL must not be negative");
        }
        grafanaUrl = stripSlash(grafanaUrl);
        clickHouseUrl = stripSlash(clickHouseUrl);
    }

    public static AnomalySettings from(Configuration conf) {
        return new AnomalySettings(
                DetectorConfig.DEFAULTS,
                conf.get(MetricsJobOptions.ANOMALY_RESOLVE_POINTS),
                conf.get(MetricsJobOptions.ANOMALY_RESOLVE_SCORE),
                conf.get(MetricsJobOptions.ANOMALY_RESOLVE_SILENCE).toMillis(),
                conf.get(MetricsJobOptions.ANOMALY_STATE_TTL),
                conf.get(MetricsJobOptions.ANOMALY_MODEL_CACHE),
                conf.get(MetricsJobOptions.GRAFANA_URL),
                conf.get(ClickHouseOptions.URL),
                conf.get(ClickHouseOptions.DATABASE));
    }

    private static String stripSlash(String url) {
        Objects.requireNonNull(url, "url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
