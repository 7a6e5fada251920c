package dev.guardian.connectors.influxdb;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One InfluxDB point: measurement, tags, fields and a nanosecond timestamp. Tags are kept sorted,
 * as InfluxDB recommends, so the same series always gives the same line; a point written twice with
 * the same series and time replaces itself, which makes replays idempotent.
 */
public final class InfluxPoint {

    private final String measurement;
    private final SortedMap<String, String> tags;
    private final Map<String, Object> fields;
    private final long timestampNanos;

    private InfluxPoint(Builder builder) {
        this.measurement = builder.measurement;
        this.tags = Collections.unmodifiableSortedMap(new TreeMap<>(builder.tags));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.timestampNanos = builder.timestampNanos;
    }

    public static Builder measurement(String measurement) {
        return new Builder(measurement);
    }

    public String measurement() {
        return measurement;
    }

    public SortedMap<String, String> tags() {
        return tags;
    }

    /**
     * Field values: {@code Double}/{@code Float}, {@code Long}/{@code Integer}, Boolean, String.
     */
    public Map<String, Object> fields() {
        return fields;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InfluxPoint)) {
            return false;
        }
        InfluxPoint that = (InfluxPoint) o;
        return timestampNanos == that.timestampNanos
                && measurement.equals(that.measurement)
                && tags.equals(that.tags)
                && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measurement, tags, timestampNanos);
    }

    @Override
    public String toString() {
        return LineProtocol.format(this);
    }

    /** Collects a point; {@link #build()} checks it can be written. */
    public static final class Builder {
        private final String measurement;
        private final Map<String, String> tags = new TreeMap<>();
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private Long timestampNanos;

        private Builder(String measurement) {
            if (measurement == null || measurement.isEmpty()) {
                throw new IllegalArgumentException("measurement must not be empty");
            }
            this.measurement = measurement;
        }

        /** A tag; an empty or null value means "no tag", as in InfluxDB. */
        public Builder tag(String key, String value) {
            requireKey(key);
            if (value != null && !value.isEmpty()) {
                tags.put(key, value);
            }
            return this;
        }

        public Builder tags(Map<String, String> values) {
            values.forEach(this::tag);
            return this;
        }

        /** A float field; NaN and infinities cannot be stored in InfluxDB and are refused. */
        public Builder field(String key, double value) {
            requireKey(key);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "field " + key + " is " + value + "; InfluxDB stores finite floats only");
            }
            fields.put(key, value);
            return this;
        }

        public Builder field(String key, long value) {
            requireKey(key);
            fields.put(key, value);
            return this;
        }

        public Builder field(String key, boolean value) {
            requireKey(key);
            fields.put(key, value);
            return this;
        }

        public Builder field(String key, String value) {
            requireKey(key);
            fields.put(key, Objects.requireNonNull(value, "value of field " + key));
            return this;
        }

        public Builder time(Instant time) {
            this.timestampNanos =
                    Math.addExact(
                            Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L),
                            time.getNano());
            return this;
        }

        public Builder timeNanos(long epochNanos) {
            this.timestampNanos = epochNanos;
            return this;
        }

        public InfluxPoint build() {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException(
                        "point of " + measurement + " needs at least one field");
            }
            if (timestampNanos == null) {
                // a server-assigned time would make a replay write a second point
                throw new IllegalArgumentException(
                        "point of " + measurement + " needs an explicit time");
            }
            return new InfluxPoint(this);
        }

        private static void requireKey(String key) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("tag and field keys must not be empty");
            }
        }
    }
}
