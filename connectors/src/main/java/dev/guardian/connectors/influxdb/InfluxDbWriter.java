package dev.guardian.connectors.influxdb;

import dev.guardian.connectors.retry.BatchSender;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Posts line-protocol lines to InfluxDB 1.x {@code /write} with the JDK HTTP client: 204 is
 * success, 429/5xx and connection failures are retryable, anything else (400 bad line, 404 missing
 * database, 401) is not.
 */
public final class InfluxDbWriter implements BatchSender<String> {

    private static final int MAX_ERROR_BODY = 500;

    private final InfluxDbConnection connection;
    private final HttpClient http;

    public InfluxDbWriter(InfluxDbConnection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(connection.connectTimeout()).build();
    }

    @Override
    public List<String> send(List<String> lines) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(connection.writeUri())
                        .timeout(connection.requestTimeout())
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        String.join("\n", lines), StandardCharsets.UTF_8));
        connection.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body();
            throw new InfluxDbHttpException(
                    status,
                    body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) : body);
        }
        return List.of();
    }

    @Override
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof InfluxDbHttpException) {
            return ((InfluxDbHttpException) failure).isRetryable();
        }
        return failure instanceof HttpTimeoutException || failure instanceof IOException;
    }

    @Override
    public String destination() {
        return "InfluxDB " + connection.database() + " at " + connection.url();
    }

    @Override
    public void close() {
        // the JDK client has no close before Java 21; its threads end with the class loader
    }
}
