package dev.guardian.connectors.clickhouse;

import com.clickhouse.client.api.Client;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;

/** Where and how to reach ClickHouse; opens a client-v2 {@link Client}. */
public final class ClickHouseConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String username;
    private final String password;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public ClickHouseConnection(
            String url,
            String username,
            String password,
            Duration connectTimeout,
            Duration requestTimeout) {
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        if (uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "ClickHouse url must be http(s)://host:port: " + url);
        }
        this.url = url;
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public static ClickHouseConnection of(String url) {
        return new ClickHouseConnection(
                url,
                ClickHouseOptions.USERNAME.defaultValue(),
                ClickHouseOptions.PASSWORD.defaultValue(),
                ClickHouseOptions.CONNECT_TIMEOUT.defaultValue(),
                ClickHouseOptions.REQUEST_TIMEOUT.defaultValue());
    }

    public static ClickHouseConnection fromConfig(ReadableConfig config) {
        return new ClickHouseConnection(
                config.get(ClickHouseOptions.URL),
                config.get(ClickHouseOptions.USERNAME),
                config.get(ClickHouseOptions.PASSWORD),
                config.get(ClickHouseOptions.CONNECT_TIMEOUT),
                config.get(ClickHouseOptions.REQUEST_TIMEOUT));
    }

    public ClickHouseConnection withCredentials(String user, String secret) {
        return new ClickHouseConnection(url, user, secret, connectTimeout, requestTimeout);
    }

    public ClickHouseConnection withTimeouts(Duration connect, Duration request) {
        return new ClickHouseConnection(url, username, password, connect, request);
    }

    public String url() {
        return url;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * A client with its own retries off (the sink retries and counts), and compression off: the
     * local chDB front does not speak LZ4 frames.
     */
    public Client open() {
        return new Client.Builder()
                .addEndpoint(url)
                .setUsername(username)
                .setPassword(password)
                .setConnectTimeout(connectTimeout.toMillis(), ChronoUnit.MILLIS)
                .setSocketTimeout(requestTimeout.toMillis(), ChronoUnit.MILLIS)
                .setExecutionTimeout(requestTimeout.toMillis(), ChronoUnit.MILLIS)
                .setMaxRetries(0)
                .compressServerResponse(false)
                .compressClientRequest(false)
                .useHttpCompression(false)
                .setClientName("guardian-connectors")
                .build();
    }

    @Override
    public String toString() {
        return "ClickHouseConnection{url=" + url + ", username=" + username + '}';
    }
}
