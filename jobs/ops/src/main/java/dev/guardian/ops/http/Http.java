package dev.guardian.ops.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One shared HTTP client and the request shapes the small service clients here need. */
final class Http {

    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.uri(), e);
        }
    }

    static HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    static Response get(URI uri, Duration timeout) throws IOException {
        return send(request(uri, timeout).GET().build());
    }

    static Response post(URI uri, String contentType, String body, Duration timeout)
            throws IOException {
        return send(
                request(uri, timeout)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    static String expectOk(Response response, String what) throws IOException {
        if (!response.ok()) {
            throw new IOException(
                    what + " answered " + response.status() + ": " + cause(response.body()));
        }
        return response.body();
    }

    /**
     * The line that names the cause: Flink nests its errors in JSON stack traces, whose last
     * "Caused by" says what went wrong; other services answer one line.
     */
    static String cause(String body) {
        String text = body == null ? "" : body.replace("\\n", "\n").replace("\\t", "\t");
        String cause = null;
        for (String line : text.split("\\\\n|\\n")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        String first = cause != null ? cause : text.strip().lines().findFirst().orElse("");
        return first.length() > 500 ? first.substring(0, 500) + "..." : first;
    }
}
