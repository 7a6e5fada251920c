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

/**
 * Read-only queries for the report: ClickHouse over its HTTP interface and InfluxDB's v1 query API.
 * The statements are fixed text written here; no event data is put into them.
 */
final class HttpQuery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A ClickHouse query's rows ({@code FORMAT JSON} → {@code data}). */
    JsonNode clickhouse(String baseUrl, String sql) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + "/?default_format=JSON"))
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
}
