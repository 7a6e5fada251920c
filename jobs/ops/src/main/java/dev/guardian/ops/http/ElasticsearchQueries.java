package dev.guardian.ops.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Counts and index clean-up over Elasticsearch's REST API. */
public final class ElasticsearchQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    public ElasticsearchQueries(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Documents in the indices matching a pattern, after a refresh; 0 if none exist. */
    public long count(String indexPattern) throws IOException {
        Http.send(
                Http.request(
                                URI.create(
                                        url
                                                + "/"
                                                + indexPattern
                                                + "/_refresh?allow_no_indices=true"),
                                Duration.ofSeconds(30))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build());
        Http.Response response =
                Http.get(
                        URI.create(
                                url
                                        + "/"
                                        + indexPattern
                                        + "/_count?allow_no_indices=true&ignore_unavailable=true"),
                        Duration.ofSeconds(30));
        if (response.status() == 404) {
            return 0;
        }
        return JSON.readTree(Http.expectOk(response, "Elasticsearch at " + url))
                .path("count")
                .asLong();
    }

    /** Deletes indices and data streams matching a pattern. */
    public void delete(String pattern) throws IOException {
        Http.send(
                Http.request(URI.create(url + "/_data_stream/" + pattern), Duration.ofSeconds(30))
                        .DELETE()
                        .build());
        Http.send(
                Http.request(
                                URI.create(
                                        url
                                                + "/"
                                                + pattern
                                                + "?allow_no_indices=true&expand_wildcards=all"),
                                Duration.ofSeconds(30))
                        .DELETE()
                        .build());
    }
}
