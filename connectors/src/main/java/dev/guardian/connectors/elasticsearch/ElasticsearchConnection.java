package dev.guardian.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Where and how to reach Elasticsearch; opens an {@link ElasticsearchClient}. */
public final class ElasticsearchConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> hosts;
    private final String username;
    private final String password;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public ElasticsearchConnection(
            List<String> hosts,
            String username,
            String password,
            String apiKey,
            Duration connectTimeout,
            Duration requestTimeout) {
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("Elasticsearch needs at least one host");
        }
        hosts.forEach(HttpHost::create);
        this.hosts = List.copyOf(hosts);
        this.username = username;
        this.password = password == null ? "" : password;
        this.apiKey = apiKey;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public static ElasticsearchConnection of(String... hosts) {
        return new ElasticsearchConnection(
                List.of(hosts),
                null,
                null,
                null,
                ElasticsearchOptions.CONNECT_TIMEOUT.defaultValue(),
                ElasticsearchOptions.REQUEST_TIMEOUT.defaultValue());
    }

    public static ElasticsearchConnection fromConfig(ReadableConfig config) {
        return new ElasticsearchConnection(
                config.get(ElasticsearchOptions.HOSTS),
                config.get(ElasticsearchOptions.USERNAME),
                config.get(ElasticsearchOptions.PASSWORD),
                config.get(ElasticsearchOptions.API_KEY),
                config.get(ElasticsearchOptions.CONNECT_TIMEOUT),
                config.get(ElasticsearchOptions.REQUEST_TIMEOUT));
    }

    public ElasticsearchConnection withCredentials(String user, String secret) {
        return new ElasticsearchConnection(
                hosts, user, secret, apiKey, connectTimeout, requestTimeout);
    }

    public ElasticsearchConnection withApiKey(String key) {
        return new ElasticsearchConnection(
                hosts, username, password, key, connectTimeout, requestTimeout);
    }

    public ElasticsearchConnection withTimeouts(Duration connect, Duration request) {
        return new ElasticsearchConnection(hosts, username, password, apiKey, connect, request);
    }

    public List<String> hosts() {
        return hosts;
    }

    /** A client on the low-level REST client; close it with {@code client._transport().close()}. */
    public ElasticsearchClient open() {
        RestClientBuilder builder =
                RestClient.builder(hosts.stream().map(HttpHost::create).toArray(HttpHost[]::new))
                        .setRequestConfigCallback(
                                config ->
                                        config.setConnectTimeout((int) connectTimeout.toMillis())
                                                .setSocketTimeout((int) requestTimeout.toMillis()));
        if (apiKey != null && !apiKey.isEmpty()) {
            builder.setDefaultHeaders(
                    new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
        } else if (username != null && !username.isEmpty()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    AuthScope.ANY, new UsernamePasswordCredentials(username, password));
            builder.setHttpClientConfigCallback(
                    http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new ElasticsearchClient(
                new RestClientTransport(builder.build(), new JacksonJsonpMapper()));
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection{hosts=" + hosts + '}';
    }
}
