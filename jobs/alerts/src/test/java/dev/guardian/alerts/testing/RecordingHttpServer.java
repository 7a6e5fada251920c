package dev.guardian.alerts.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server on 127.0.0.1 (JDK {@code HttpServer}) standing in for PagerDuty, Slack and
 * webhooks: it records every request and answers from a script per path — 200, 429 with
 * Retry-After, 500, or hanging — then 200 once the script is used up.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One request as received. */
    public static final class Request {
        public final String path;
        public final Map<String, String> headers;
        public final String body;
        public final long receivedAtMillis;

        Request(String path, Map<String, String> headers, String body, long receivedAtMillis) {
            this.path = path;
            this.headers = headers;
            this.body = body;
            this.receivedAtMillis = receivedAtMillis;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String toString() {
            return path + " " + body;
        }
    }

    /** One scripted answer. */
    public static final class Answer {
        final int status;
        final String body;
        final Map<String, String> headers = new TreeMap<>();
        final Duration hang;

        private Answer(int status, String body, Duration hang) {
            this.status = status;
            this.body = body;
            this.hang = hang;
        }

        public static Answer status(int status) {
            return new Answer(status, "", Duration.ZERO);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body, Duration.ZERO);
        }

        /** 429 Too Many Requests asking to wait {@code seconds}. */
        public static Answer tooManyRequests(String retryAfter) {
            Answer a = new Answer(429, "{\"message\":\"rate limited\"}", Duration.ZERO);
            a.headers.put("Retry-After", retryAfter);
            return a;
        }

        /** Holds the connection for {@code hang} before answering 200. */
        public static Answer hang(Duration hang) {
            return new Answer(200, "ok", hang);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    public RecordingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} with these, in order. */
    public RecordingHttpServer script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
        return this;
    }

    /** Answers every request to {@code path} (after its script) with this. */
    public RecordingHttpServer always(String path, Answer answer) {
        always.put(path, answer);
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path.equals(path)).collect(Collectors.toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach(
                            (k, v) ->
                                    headers.put(
                                            k.toLowerCase(java.util.Locale.ROOT),
                                            String.join(",", v)));
            requests.add(new Request(path, headers, body, System.currentTimeMillis()));
            Deque<Answer> script = scripts.get(path);
            Answer answer = script == null ? null : script.poll();
            if (answer == null) {
                answer = always.getOrDefault(path, defaultAnswer(path));
            }
            if (!answer.hang.isZero()) {
                try {
                    Thread.sleep(answer.hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answer.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private static Answer defaultAnswer(String path) {
        if (path.contains("pagerduty")) {
            return Answer.status(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");
        }
        return Answer.status(200, "ok");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
