package dev.guardian.metrics.anomaly;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where to look next from an anomaly of a series: the anomalies dashboard at that series and time,
 * and the raw points around it in ClickHouse (the SQL, and an HTTP link that runs it).
 */
final class AnomalyLinks implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The dashboard the links open (dashboards/anomalies.json). */
    static final String DASHBOARD_PATH = "/d/guardian-anomalies/anomalies";

    /** Raw points this far either side of the anomaly in the ClickHouse link. */
    static final Duration RAW_DATA_MARGIN = Duration.ofMinutes(30);

    private final AnomalySettings settings;

    AnomalyLinks(AnomalySettings settings) {
        this.settings = settings;
    }

    /** Dashboard, raw-data SQL and a ClickHouse HTTP link that runs it. */
    Map<String, String> links(String name, long seriesId, String series, long timeMillis) {
        long margin = RAW_DATA_MARGIN.toMillis();
        String sql =
                "SELECT ts, value FROM "
                        + settings.clickHouseDatabase()
                        + ".metric_points FINAL WHERE name = '"
                        + sqlString(name)
                        + "' AND series_id = "
                        + Long.toUnsignedString(seriesId)
                        + " AND ts BETWEEN fromUnixTimestamp64Milli("
                        + (timeMillis - margin)
                        + ") AND fromUnixTimestamp64Milli("
                        + (timeMillis + margin)
                        + ") ORDER BY ts";
        Map<String, String> links = new LinkedHashMap<>();
        links.put(
                "grafana",
                settings.grafanaUrl()
                        + DASHBOARD_PATH
                        + "?var-metric="
                        + url(name)
                        + "&var-series="
                        + url(series)
                        + "&from="
                        + (timeMillis - 2 * margin)
                        + "&to="
                        + (timeMillis + 2 * margin));
        links.put("clickhouse", settings.clickHouseUrl() + "/?query=" + url(sql));
        links.put("clickhouse_query", sql);
        return links;
    }

    private static String sqlString(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
