package dev.guardian.alerts.testing;

import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Decision;
import java.util.Map;
import java.util.TreeMap;

/** Small builders of alerts at named instants. */
public final class TestAlerts {

    /** 2024-05-01T10:00:00Z, a Wednesday. */
    public static final long T0 = 1_714_557_600_000L;

    public static final long SECOND = 1_000L;
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 3_600_000L;

    private TestAlerts() {}

    public static Builder firing(String fingerprint) {
        return new Builder(fingerprint, "FIRING");
    }

    public static Builder resolved(String fingerprint) {
        return new Builder(fingerprint, "RESOLVED");
    }

    /** A fluent alert builder; every alert starts at {@link #T0} as an ERROR from METRICS. */
    public static final class Builder {
        private final AlertView a = new AlertView();

        Builder(String fingerprint, String status) {
            a.fingerprint = fingerprint;
            a.status = status;
            a.source = "METRICS";
            a.severity = "ERROR";
            a.title = "p99 latency of " + fingerprint + " above its band";
            a.summary = "p99 latency is 840 ms, expected 120 ms ± 40";
            a.entity = "http_request_duration_seconds{service=\"" + fingerprint + "\"}";
            a.labels = new TreeMap<>();
            a.evidence = new TreeMap<>(Map.of("score", "0.97", "detector", "seasonal"));
            a.value = 840.0;
            a.expected = 120.0;
            a.startsAt = T0;
            a.time = T0;
            a.links.add(new AlertLink("http://ch/?query=raw", "Raw data query"));
        }

        public Builder at(long time) {
            a.time = time;
            return this;
        }

        public Builder startsAt(long time) {
            a.startsAt = time;
            return this;
        }

        public Builder severity(String severity) {
            a.severity = severity;
            return this;
        }

        public Builder source(String source) {
            a.source = source;
            return this;
        }

        public Builder label(String name, String value) {
            a.labels.put(name, value);
            return this;
        }

        public Builder title(String title) {
            a.title = title;
            return this;
        }

        public AlertView build() {
            return a.copy();
        }

        public AlertDecision decided(Decision decision) {
            return new AlertDecision(build(), decision, a.fingerprint + "@" + a.startsAt, 1, null);
        }
    }
}
