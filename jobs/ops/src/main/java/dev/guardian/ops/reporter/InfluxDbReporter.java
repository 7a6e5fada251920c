package dev.guardian.ops.reporter;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports Flink's and the jobs' metrics to InfluxDB 1.x, in place of {@code flink-metrics-influxdb}
 * (not published for Flink 2.2). Every metric is one point of measurement {@code guardian_pipeline}
 * (configurable) with tag {@code metric} (the metric's own name, e.g. {@code numRecordsIn}, {@code
 * deadLetters}, {@code lastCheckpointDuration}), the scope's names as tags ({@code host}, {@code
 * job_name}, {@code task_name}, {@code operator_name}, {@code subtask_index}, {@code tm_id}; ids
 * that change on every restart are left out) and {@code source=reporter}; fields {@code value}
 * (counters, gauges, meter rates), {@code count} (meters, histograms) and {@code min}, {@code max},
 * {@code mean}, {@code p50}, {@code p95}, {@code p99} (histograms).
 *
 * <p>Options ({@code metrics.reporter.<name>.<option>}): {@code url} (default {@code
 * http://127.0.0.1:8086}), {@code database} ({@code guardian}), {@code retention-policy}, {@code
 * measurement} ({@code guardian_pipeline}), {@code username}, {@code password} (else the
 * environment variable {@code GUARDIAN_INFLUXDB_PASSWORD}), {@code include} (a regular expression
 * on metric names, default all), {@code timeout} (ms, default 5000), and Flink's own {@code
 * interval}.
 */
public final class InfluxDbReporter implements MetricReporter, Scheduled {

    static final String PASSWORD_ENV = "GUARDIAN_INFLUXDB_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(InfluxDbReporter.class);

    /** Scope variables that identify an attempt, not a thing: one series per restart otherwise. */
    private static final Set<String> DROPPED_VARIABLES =
            Set.of("job_id", "task_id", "task_attempt_id", "task_attempt_num", "operator_id");

    private final Map<Metric, Identity> metrics = new ConcurrentHashMap<>();
    private HttpClient http;
    private URI writeUri;
    private String authorization;
    private String measurement;
    private Pattern include;
    private Duration timeout;
    private long failures;

    /** A metric's name and tags, fixed when it is registered. */
    record Identity(String name, Map<String, String> tags) {}

    @Override
    public void open(MetricConfig config) {
        String url = config.getString("url", "http://127.0.0.1:8086");
        String database = config.getString("database", "guardian");
        String retention = config.getString("retention-policy", "");
        this.measurement = config.getString("measurement", "guardian_pipeline");
        this.include = Pattern.compile(config.getString("include", ".*"));
        this.timeout = Duration.ofMillis(config.getLong("timeout", 5_000));
        String user = config.getString("username", "");
        String password =
                config.getString("password", System.getenv().getOrDefault(PASSWORD_ENV, ""));
        this.authorization =
                user.isEmpty()
                        ? null
                        : "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + password)
                                                        .getBytes(StandardCharsets.UTF_8));
        this.writeUri =
                URI.create(
                        (url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                                + "/write?precision=ms&db="
                                + URLEncoder.encode(database, StandardCharsets.UTF_8)
                                + (retention.isEmpty()
                                        ? ""
                                        : "&rp="
                                                + URLEncoder.encode(
                                                        retention, StandardCharsets.UTF_8)));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        LOG.info("Guardian InfluxDB reporter writing measurement {} to {}", measurement, writeUri);
    }

    @Override
    public void close() {
        metrics.clear();
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (!include.matcher(metricName).matches()) {
            return;
        }
        metrics.put(metric, new Identity(metricName, tags(group.getAllVariables())));
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        metrics.remove(metric);
    }

    /** Scope variables ({@code <job_name>}) as tags ({@code job_name}), ids left out. */
    static Map<String, String> tags(Map<String, String> variables) {
        Map<String, String> tags = new LinkedHashMap<>();
        variables.forEach(
                (k, v) -> {
                    String key =
                            k.startsWith("<") && k.endsWith(">")
                                    ? k.substring(1, k.length() - 1)
                                    : k;
                    if (!DROPPED_VARIABLES.contains(key)) {
                        tags.put(key, v);
                    }
                });
        tags.put("source", "reporter");
        return tags;
    }

    @Override
    public void report() {
        long now = System.currentTimeMillis();
        List<String> lines = new ArrayList<>();
        metrics.forEach(
                (metric, id) -> {
                    Map<String, String> tags = new LinkedHashMap<>(id.tags());
                    tags.put("metric", id.name());
                    String line = InfluxLineProtocol.line(measurement, tags, fields(metric), now);
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                });
        if (lines.isEmpty()) {
            return;
        }
        try {
            write(String.join("\n", lines));
        } catch (IOException e) {
            // never fail the TaskManager for monitoring; say so now and then
            if (failures++ % 30 == 0) {
                LOG.warn(
                        "Guardian InfluxDB reporter could not write to {}: {}",
                        writeUri,
                        e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The fields a metric is written with, all floats (InfluxDB fixes a field's type per shard, and
     * counters and gauges share the field {@code value}); empty for a gauge that is not a number.
     */
    static Map<String, Double> fields(Metric metric) {
        Map<String, Double> fields = new LinkedHashMap<>();
        if (metric instanceof Counter c) {
            fields.put("value", (double) c.getCount());
        } else if (metric instanceof Gauge<?> g) {
            Object value;
            try {
                value = g.getValue();
            } catch (RuntimeException e) {
                return fields;
            }
            if (value instanceof Number n) {
                fields.put("value", n.doubleValue());
            } else if (value instanceof Boolean b) {
                fields.put("value", b ? 1.0 : 0.0);
            }
        } else if (metric instanceof Meter m) {
            fields.put("value", m.getRate());
            fields.put("count", (double) m.getCount());
        } else if (metric instanceof Histogram h) {
            HistogramStatistics s = h.getStatistics();
            fields.put("count", (double) h.getCount());
            fields.put("min", (double) s.getMin());
            fields.put("max", (double) s.getMax());
            fields.put("mean", s.getMean());
            fields.put("p50", s.getQuantile(0.5));
            fields.put("p95", s.getQuantile(0.95));
            fields.put("p99", s.getQuantile(0.99));
        }
        return fields;
    }

    private void write(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(writeUri)
                        .timeout(timeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body().strip());
        }
    }

    /** Metrics currently registered (for tests). */
    int registered() {
        return metrics.size();
    }
}
