package dev.guardian.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Read-only queries for the report: ClickHouse over its HTTP interface, InfluxDB's v1 query API,
 * Elasticsearch's count API and the local alert receiver. The statements are fixed text written
 * here; event data travels only as query parameters.
 */
final class HttpQuery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A ClickHouse query's rows ({@code FORMAT JSON} → {@code data}). */
    JsonNode clickhouse(String baseUrl, String sql) throws IOException, InterruptedException {
        return clickhouse(baseUrl, sql, Map.of());
    }

    /**
     * The same with query parameters ({@code {name:Type}} in the SQL): values travel apart from the
     * statement, so data never becomes SQL.
     */
    JsonNode clickhouse(String baseUrl, String sql, Map<String, String> params)
            throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(baseUrl).append("/?default_format=JSON");
        for (Map.Entry<String, String> param : params.entrySet()) {
            url.append("&param_")
                    .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url.toString()))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(sql))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.body().strip());
        }
        return JSON.readTree(response.body()).path("data");
    }

    long clickhouseCount(String baseUrl, String sql) throws IOException, InterruptedException {
        JsonNode rows = clickhouse(baseUrl, sql);
        return rows.size() == 0 ? 0 : rows.get(0).elements().next().asLong();
    }

    /** The first value of the first series of an InfluxQL query, or 0 when it returns none. */
    long influxCount(String baseUrl, String database, String influxql)
            throws IOException, InterruptedException {
        String url =
                baseUrl
                        + "/query?db="
                        + URLEncoder.encode(database, StandardCharsets.UTF_8)
                        + "&q="
                        + URLEncoder.encode(influxql, StandardCharsets.UTF_8);
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.body().strip());
        }
        JsonNode values =
                JSON.readTree(response.body())
                        .path("results")
                        .path(0)
                        .path("series")
                        .path(0)
                        .path("values");
        return values.size() == 0 ? 0 : values.get(0).get(1).asLong();
    }

    /**
     * Documents in the indices or data streams matching a pattern (none yet: 0), optionally only
     * those matching a Lucene query string.
     */
    long elasticsearchCount(String baseUrl, String pattern, String lucene)
            throws IOException, InterruptedException {
        String url =
                baseUrl
                        + "/"
                        + pattern
                        + "/_count?ignore_unavailable=true&allow_no_indices=true"
                        + (lucene == null
                                ? ""
                                : "&q=" + URLEncoder.encode(lucene, StandardCharsets.UTF_8));
        return getJson(url).path("count").asLong();
    }

    /** A JSON document from a GET request. */
    JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
