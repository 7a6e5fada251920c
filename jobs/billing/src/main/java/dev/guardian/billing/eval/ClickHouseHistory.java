package dev.guardian.billing.eval;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hourly EffectiveCost per billing account × service from the job's records table (latest version
 * of every line, {@code FINAL}), for training: the same series the job forecasts.
 */
public final class ClickHouseHistory {

    private ClickHouseHistory() {}

    public static List<Series> load(
            String url, String database, int days, Set<String> chargeCategories)
            throws IOException, InterruptedException {
        StringBuilder categories = new StringBuilder();
        for (String c : chargeCategories) {
            if (categories.length() > 0) {
                categories.append(',');
            }
            categories
                    .append('\'')
                    .append(c.replace("\\", "\\\\").replace("'", "\\'"))
                    .append('\'');
        }
        String sql =
                "SELECT billing_account_id, service_name,"
                        + " toUnixTimestamp(toStartOfHour(charge_period_start)) AS hour,"
                        + " toFloat64(sum(effective_cost))"
                        + " FROM "
                        + database
                        + ".billing_records FINAL"
                        + " WHERE charge_category IN ("
                        + categories
                        + ") AND charge_period_start >= now() - INTERVAL "
                        + days
                        + " DAY"
                        + " GROUP BY billing_account_id, service_name, hour"
                        + " ORDER BY billing_account_id, service_name, hour"
                        + " FORMAT TabSeparated";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                url
                                                        + "/?query="
                                                        + URLEncoder.encode(
                                                                sql, StandardCharsets.UTF_8)))
                                .timeout(Duration.ofMinutes(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(
                    "ClickHouse at "
                            + url
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        Map<String, TreeMap<Long, Double>> byKey = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String line : response.body().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t");
            long hour = Long.parseLong(f[2]) * 1000;
            byKey.computeIfAbsent(f[0] + "|" + f[1], k -> new TreeMap<>())
                    .put(hour, Double.parseDouble(f[3]));
            first = Math.min(first, hour);
            last = Math.max(last, hour);
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, Double>> e : byKey.entrySet()) {
            double[] values = new double[(int) ((last - first) / SeriesFiles.HOUR) + 1];
            for (Map.Entry<Long, Double> point : e.getValue().entrySet()) {
                values[(int) ((point.getKey() - first) / SeriesFiles.HOUR)] = point.getValue();
            }
            out.add(new Series(e.getKey(), first, SeriesFiles.HOUR, values));
        }
        return out;
    }
}
