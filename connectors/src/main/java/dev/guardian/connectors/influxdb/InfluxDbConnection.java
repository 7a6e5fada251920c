package dev.guardian.connectors.influxdb;

import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;

/** Where and how to reach InfluxDB 1.x: base URL, database, retention policy, credentials. */
public final class InfluxDbConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String database;
    private final String retentionPolicy;
    private final String username;
    private final String password;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public InfluxDbConnection(
            String url,
            String database,
            String retentionPolicy,
            String username,
            String password,
            Duration connectTimeout,
            Duration requestTimeout) {
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("InfluxDB url must be http(s)://host:port: " + url);
        }
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException("InfluxDB database must be set");
        }
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.database = database;
        this.retentionPolicy = retentionPolicy;
        this.username = username;
        this.password = password == null ? "" : password;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public static InfluxDbConnection of(String url, String database) {
        return new InfluxDbConnection(
                url,
                database,
                null,
                null,
                null,
                InfluxDbOptions.CONNECT_TIMEOUT.defaultValue(),
                InfluxDbOptions.REQUEST_TIMEOUT.defaultValue());
    }

    public static InfluxDbConnection fromConfig(ReadableConfig config) {
        return new InfluxDbConnection(
                config.get(InfluxDbOptions.URL),
                config.get(InfluxDbOptions.DATABASE),
                config.get(InfluxDbOptions.RETENTION_POLICY),
                config.get(InfluxDbOptions.USERNAME),
                config.get(InfluxDbOptions.PASSWORD),
                config.get(InfluxDbOptions.CONNECT_TIMEOUT),
                config.get(InfluxDbOptions.REQUEST_TIMEOUT));
    }

    public InfluxDbConnection withCredentials(String user, String secret) {
        return new InfluxDbConnection(
                url, database, retentionPolicy, user, secret, connectTimeout, requestTimeout);
    }

    public InfluxDbConnection withRetentionPolicy(String policy) {
        return new InfluxDbConnection(
                url, database, policy, username, password, connectTimeout, requestTimeout);
    }

    public InfluxDbConnection withTimeouts(Duration connect, Duration request) {
        return new InfluxDbConnection(
                url, database, retentionPolicy, username, password, connect, request);
    }

    public String url() {
        return url;
    }

    public String database() {
        return database;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@code /write?db=…&rp=…&precision=ns}, every parameter URL-encoded. */
    public URI writeUri() {
        StringBuilder uri = new StringBuilder(url).append("/write?db=").append(encode(database));
        if (retentionPolicy != null && !retentionPolicy.isEmpty()) {
            uri.append("&rp=").append(encode(retentionPolicy));
        }
        return URI.create(uri.append("&precision=ns").toString());
    }

    /** The Authorization header value, when credentials are set. */
    public Optional<String> authorization() {
        if (username == null || username.isEmpty()) {
            return Optional.empty();
        }
        String pair = username + ':' + password;
        return Optional.of(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "InfluxDbConnection{url=" + url + ", database=" + database + '}';
    }
}
