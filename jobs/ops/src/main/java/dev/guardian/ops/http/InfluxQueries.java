package dev.guardian.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** InfluxDB 1.x over its v1 HTTP API: {@code /query} and {@code /write}. */
public final class InfluxQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    public InfluxQueries(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Runs InfluxQL (POST, so that CREATE/DROP work too) and returns the JSON answer. */
    public JsonNode query(String database, String influxql) throws IOException {
        String body =
                "q="
                        + URLEncoder.encode(influxql, StandardCharsets.UTF_8)
                        + (database == null
                                ? ""
                                : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        Http.Response response =
                Http.post(
                        URI.create(url + "/query"),
                        "application/x-www-form-urlencoded",
                        body,
                        Duration.ofMinutes(1));
        JsonNode answer = JSON.readTree(Http.expectOk(response, "InfluxDB at " + url));
        for (JsonNode result : answer.path("results")) {
            if (result.has("error")) {
                throw new IOException("InfluxDB: " + result.path("error").asText());
            }
        }
        return answer;
    }

    /** The first value of the first row of the first series (e.g. a count), or 0 if none. */
    public long number(String database, String influxql) throws IOException {
        JsonNode values =
                query(database, influxql)
                        .path("results")
                        .path(0)
                        .path("series")
                        .path(0)
                        .path("values")
                        .path(0);
        return values.isMissingNode() ? 0 : values.path(1).asLong();
    }

    /** Writes line protocol (ms precision). */
    public void write(String database, String lines) throws IOException {
        Http.Response response =
                Http.post(
                        URI.create(
                                url
                                        + "/write?precision=ms&db="
                                        + URLEncoder.encode(database, StandardCharsets.UTF_8)),
                        "text/plain; charset=utf-8",
                        lines,
                        Duration.ofSeconds(30));
        Http.expectOk(response, "InfluxDB write at " + url);
    }

    public boolean ping() {
        try {
            return Http.get(URI.create(url + "/ping"), Duration.ofSeconds(3)).ok();
        } catch (IOException e) {
            return false;
        }
    }
}
