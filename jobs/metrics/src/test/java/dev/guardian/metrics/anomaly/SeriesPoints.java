package dev.guardian.metrics.anomaly;

import dev.guardian.metrics.MetricSample;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/** Test data: one series of points at a fixed interval from a named instant, seeded noise. */
final class SeriesPoints {

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final long INTERVAL_MILLIS = 10_000;

    private final String name;
    private final Map<String, String> labels;
    private final String type;
    private final SplittableRandom random = new SplittableRandom(11);
    private int next;

    private SeriesPoints(String name, Map<String, String> labels, String type) {
        this.name = name;
        this.labels = labels;
        this.type = type;
    }

    static SeriesPoints cpu(String host) {
        return new SeriesPoints(
                "cpu_utilization", Map.of("host", host, "region", "eu-west-1"), "GAUGE");
    }

    static SeriesPoints requests(String host) {
        return new SeriesPoints("http_requests_total", Map.of("host", host), "COUNTER");
    }

    /** Time of the point {@code index}. */
    static long at(int index) {
        return T0.toEpochMilli() + index * INTERVAL_MILLIS;
    }

    /** The next point, valued around 0.4 with a little noise. */
    MetricSample normal() {
        return value(0.4 + 0.02 * random.nextGaussian());
    }

    MetricSample value(double value) {
        return MetricSample.of(name, labels, at(next++), value, type, "1");
    }

    /** Index the next point will have. */
    int next() {
        return next;
    }
}
