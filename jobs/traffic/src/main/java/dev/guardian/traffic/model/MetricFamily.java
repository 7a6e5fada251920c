package dev.guardian.traffic.model;

import java.util.Map;

/**
 * The metrics every simulated service instance exports, named as a Prometheus / OpenTelemetry
 * exporter would name them. Latency is a summary's 0.95 quantile: summaries arrive as gauges.
 */
public enum MetricFamily {
    CPU_UTILIZATION("cpu_utilization", false, "1", Map.of()),
    MEMORY_USED_BYTES("memory_used_bytes", false, "By", Map.of()),
    HTTP_REQUESTS_TOTAL("http_requests_total", true, "{request}", Map.of()),
    HTTP_REQUEST_ERRORS_TOTAL("http_request_errors_total", true, "{request}", Map.of()),
    HTTP_REQUEST_DURATION_SECONDS(
            "http_request_duration_seconds", false, "s", Map.of("quantile", "0.95")),
    QUEUE_DEPTH("queue_depth", false, "{message}", Map.of()),
    DISK_FREE_BYTES("disk_free_bytes", false, "By", Map.of("mountpoint", "/data"));

    private final String metricName;
    private final boolean counter;
    private final String unit;
    private final Map<String, String> extraLabels;

    MetricFamily(String metricName, boolean counter, String unit, Map<String, String> extraLabels) {
        this.metricName = metricName;
        this.counter = counter;
        this.unit = unit;
        this.extraLabels = extraLabels;
    }

    public String metricName() {
        return metricName;
    }

    /** Monotonic except when the process restarts; analysed as a rate. */
    public boolean isCounter() {
        return counter;
    }

    /** UCUM unit, as OpenTelemetry writes it. */
    public String unit() {
        return unit;
    }

    /** Labels of this family beyond the instance's own (quantile, mountpoint). */
    public Map<String, String> extraLabels() {
        return extraLabels;
    }
}
