package dev.guardian.metrics.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scratch copy of the metrics tables for benchmarks with the real sinks, so benchmark rows never
 * mix with the demo's or a user's data. Created from the same DDL the stack applies.
 */
public final class BenchDatabase {

    public static final String NAME = "guardian_bench";

    /** The metrics job's tables. */
    private static final String[] DDL = {"010_metrics.sql", "020_anomalies.sql"};

    private BenchDatabase() {}

    public static void create() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        clickhouse(http, "CREATE DATABASE IF NOT EXISTS " + NAME);
        for (String file : DDL) {
            apply(http, Path.of("infra/clickhouse", file));
        }
        HttpResponse<String> influx =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:8086/query?q=CREATE+DATABASE+"
                                                        + NAME))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (influx.statusCode() != 200) {
            throw new IOException("InfluxDB: " + influx.body());
        }
    }

    private static void apply(HttpClient http, Path ddl) throws IOException, InterruptedException {
        if (!Files.exists(ddl)) {
            throw new IOException("run the benchmark from the repository root (needs " + ddl + ")");
        }
        String sql = Files.readString(ddl, StandardCharsets.UTF_8).replace("guardian.", NAME + ".");
        for (String statement : sql.split(";\\s*\\n")) {
            String body =
                    statement
                            .lines()
                            .filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n");
            if (!body.isBlank()) {
                clickhouse(http, body);
            }
        }
    }

    private static void clickhouse(HttpClient http, String sql)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8123/"))
                                .POST(HttpRequest.BodyPublishers.ofString(sql))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse: " + response.body().strip());
        }
    }
}
