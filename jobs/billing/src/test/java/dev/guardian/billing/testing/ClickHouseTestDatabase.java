package dev.guardian.billing.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own on the local stack's ClickHouse with the billing tables of
 * infra/clickhouse/040_billing.sql, for one integration test. Fails (never skips) when ClickHouse
 * is down: a test that passes without the thing under test proves nothing.
 */
public final class ClickHouseTestDatabase implements AutoCloseable {

    public static final String URL =
            "http://127.0.0.1:"
                    + System.getenv().getOrDefault("GUARDIAN_CLICKHOUSE_HTTP_PORT", "8123");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final String name =
            "it_billing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public ClickHouseTestDatabase() throws IOException, InterruptedException {
        try {
            execute("CREATE DATABASE " + name);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "ClickHouse is not reachable at "
                            + URL
                            + "; start the local stack (./guardian stack up) or skip the"
                            + " integration tests with -DskipITs",
                    e);
        }
        for (String statement : statements(ddlFile())) {
            execute(statement.replace("guardian.", name + "."));
        }
    }

    /** infra/clickhouse/040_billing.sql, found upwards from the working directory. */
    static Path ddlFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("infra/clickhouse/040_billing.sql");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("infra/clickhouse/040_billing.sql not found");
    }

    /** As the stack applies them: statements end with ';' at the end of a line. */
    static List<String> statements(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String text = statement.toString().strip();
                out.add(text.substring(0, text.length() - 1));
                statement.setLength(0);
            }
        }
        return out;
    }

    public String execute(String sql) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(URL + "/"))
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(sql))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The result as tab-separated lines. */
    public List<String> query(String sql) throws IOException, InterruptedException {
        String body = execute(sql + " FORMAT TabSeparated");
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    public String single(String sql) throws IOException, InterruptedException {
        List<String> lines = query(sql);
        if (lines.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + lines);
        }
        return lines.get(0);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        execute("DROP DATABASE IF EXISTS " + name);
    }
}
