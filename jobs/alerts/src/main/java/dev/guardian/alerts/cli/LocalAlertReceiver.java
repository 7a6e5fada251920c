package dev.guardian.alerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for PagerDuty, Slack and webhooks on this machine: answers as they do (PagerDuty 202
 * with its JSON, Slack {@code ok}, webhooks 200), prints one line per message saying what the
 * on-call engineer would have seen, and keeps them for {@code GET /received} and {@code GET
 * /summary}. Point a receiver at it with {@code url_env}: {@code http://127.0.0.1:9099/pagerduty},
 * {@code .../slack/<anything>}, {@code .../webhook/<anything>}. It can also misbehave on purpose
 * (first N answers 429 or 5xx) to show retries.
 */
public final class LocalAlertReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrintStream out;
    private final Writer log;
    private final List<ObjectNode> received = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failStatus;

    public LocalAlertReceiver(
            String host, int port, PrintStream out, Writer log, int failFirst, int failStatus)
            throws IOException {
        this.out = out;
        this.log = log;
        this.failuresLeft = new AtomicInteger(failFirst);
        this.failStatus = failStatus;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 100);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Everything received so far, as recorded (kind, path, time, summary line, body). */
    public synchronized List<ObjectNode> received() {
        return new ArrayList<>(received);
    }

    /** Counts per kind and action, e.g. {@code pagerduty trigger: 3}. */
    public synchronized Map<String, Integer> summary() {
        Map<String, Integer> counts = new TreeMap<>();
        for (ObjectNode r : received) {
            counts.merge(
                    r.path("kind").asText() + " " + r.path("action").asText(), 1, Integer::sum);
        }
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                answerGet(exchange, path);
                return;
            }
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndDecrement() > 0) {
                if (failStatus == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                out.println(
                        "[receiver] answering "
                                + failStatus
                                + " to "
                                + kind(path, null)
                                + " (as asked)");
                send(exchange, failStatus, "{\"status\":\"unavailable\"}");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                send(exchange, 400, "{\"status\":\"invalid event\",\"message\":\"not JSON\"}");
                return;
            }
            String kind = kind(path, body);
            ObjectNode record = JSON.createObjectNode();
            record.put("received_at", Instant.now().toString());
            record.put("kind", kind);
            record.put("path", kind.equals("webhook") ? path : "/" + kind);
            record.put("action", action(kind, body));
            record.put("line", describe(kind, body));
            record.set("body", redactRoutingKey(body));
            synchronized (this) {
                received.add(record);
                if (log != null) {
                    log.write(record.toString());
                    log.write('\n');
                    log.flush();
                }
            }
            out.println(record.path("line").asText());
            switch (kind) {
                case "pagerduty":
                    send(
                            exchange,
                            202,
                            "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":"
                                    + JSON.writeValueAsString(body.path("dedup_key").asText())
                                    + "}");
                    break;
                case "slack":
                    send(exchange, 200, "ok");
                    break;
                default:
                    send(exchange, 200, "{\"status\":\"ok\"}");
            }
        }
    }

    private void answerGet(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/received")) {
            ArrayNode all = JSON.createArrayNode();
            received().forEach(all::add);
            send(exchange, 200, all.toString());
        } else if (path.equals("/summary")) {
            send(exchange, 200, JSON.writeValueAsString(summary()));
        } else {
            send(exchange, 404, "{\"message\":\"GET /received or /summary\"}");
        }
    }

    static String kind(String path, JsonNode body) {
        if (path.startsWith("/pagerduty")
                || path.startsWith("/v2/enqueue")
                || (body != null && body.has("event_action") && body.has("routing_key"))) {
            return "pagerduty";
        }
        if (path.startsWith("/slack") || (body != null && body.has("blocks"))) {
            return "slack";
        }
        return "webhook";
    }

    static String action(String kind, JsonNode body) {
        switch (kind) {
            case "pagerduty":
                return body.path("event_action").asText();
            case "slack":
                String header = body.path("blocks").path(0).path("text").path("text").asText();
                return header.contains("RESOLVED") ? "resolve" : "message";
            default:
                return body.path("kind").asText("message");
        }
    }

    /** The one line an on-call engineer would have read. */
    static String describe(String kind, JsonNode body) {
        switch (kind) {
            case "pagerduty":
                JsonNode p = body.path("payload");
                if (body.path("event_action").asText().equals("resolve")) {
                    return "[pagerduty] resolve  dedup_key=" + body.path("dedup_key").asText();
                }
                return "[pagerduty] "
                        + body.path("event_action").asText()
                        + "  dedup_key="
                        + body.path("dedup_key").asText()
                        + "  "
                        + p.path("severity").asText().toUpperCase(java.util.Locale.ROOT)
                        + "  "
                        + p.path("summary").asText()
                        + "  (source "
                        + p.path("source").asText()
                        + ", "
                        + body.path("links").size()
                        + " links)";
            case "slack":
                StringBuilder b =
                        new StringBuilder("[slack]     ")
                                .append(
                                        body.path("blocks")
                                                .path(0)
                                                .path("text")
                                                .path("text")
                                                .asText());
                for (JsonNode block : body.path("blocks")) {
                    for (JsonNode field : block.path("fields")) {
                        String text = field.path("text").asText();
                        if (text.startsWith("*Value*") || text.startsWith("*Entity*")) {
                            b.append("  |  ").append(text.replace("*", "").replace('\n', ' '));
                        }
                    }
                }
                return b.toString();
            default:
                return "[webhook]   "
                        + body.path("kind").asText()
                        + "  "
                        + body.path("severity").asText()
                        + "  "
                        + body.path("title").asText()
                        + "  ("
                        + body.path("alerts").size()
                        + " alert(s), status "
                        + body.path("status").asText()
                        + ")";
        }
    }

    /** A real routing key has no business in a demo's output files. */
    private static JsonNode redactRoutingKey(JsonNode body) {
        if (body instanceof ObjectNode && body.has("routing_key")) {
            ObjectNode copy = ((ObjectNode) body).deepCopy();
            copy.put("routing_key", "***");
            return copy;
        }
        return body;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
