package dev.guardian.logs.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scratch outputs for a benchmark with the real sinks, so benchmark rows never mix with the demo's
 * or a user's data: the logs tables in ClickHouse database {@code guardian_bench} (from the same
 * DDL the stack applies), a data stream {@code logs-guardian-bench-<run>} (the repository's
 * template applies to it) and an anomalies index {@code guardian-anomalies-bench}.
 */
final class BenchLogsOutputs {

    static final String DATABASE = "guardian_bench";
    static final String ANOMALIES_INDEX = "guardian-anomalies-bench";
    private static final List<String> DDL = List.of("020_anomalies.sql", "030_logs.sql");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String clickhouse;
    private final String elasticsearch;

    BenchLogsOutputs(String clickhouse, String elasticsearch) {
        this.clickhouse = clickhouse;
        this.elasticsearch = elasticsearch;
    }

    void createTables() throws IOException, InterruptedException {
        sql("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        for (String file : DDL) {
            Path ddl = Path.of("infra/clickhouse", file);
            if (!Files.exists(ddl)) {
                throw new IOException(
                        "run the benchmark from the repository root (needs " + ddl + ")");
            }
            String text =
                    Files.readString(ddl, StandardCharsets.UTF_8)
                            .replace("guardian.", DATABASE + ".");
            for (String statement : text.split(";\\s*\\n")) {
                String body =
                        statement
                                .lines()
                                .filter(l -> !l.strip().startsWith("--"))
                                .reduce("", (a, b) -> a + b + "\n");
                if (!body.isBlank()) {
                    sql(body);
                }
            }
        }
    }

    /** Documents in an index or data stream, after a refresh. */
    long documents(String index) throws IOException, InterruptedException {
        send(
                HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        String body =
                send(
                        HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_count"))
                                .GET()
                                .build());
        int at = body.indexOf("\"count\":");
        return at < 0 ? -1 : Long.parseLong(body.substring(at + 8, body.indexOf(',', at)).strip());
    }

    void deleteDataStream(String name) throws IOException, InterruptedException {
        send(
                HttpRequest.newBuilder(URI.create(elasticsearch + "/_data_stream/" + name))
                        .DELETE()
                        .build());
    }

    String sql(String query) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(clickhouse + "/"))
                                .POST(HttpRequest.BodyPublishers.ofString(query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse: " + response.body().strip());
        }
        return response.body();
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
