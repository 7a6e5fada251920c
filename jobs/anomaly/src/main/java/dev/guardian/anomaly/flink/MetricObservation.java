package dev.guardian.anomaly.flink;

import dev.guardian.anomaly.SeriesKind;
import java.util.Objects;

/**
 * One point of one metric series, as the anomaly function consumes it: the series key (metric name
 * plus sorted labels), event time, value and kind. A Flink POJO.
 */
public final class MetricObservation {

    public String series;
    public long timestampMillis;
    public double value;
    public SeriesKind kind = SeriesKind.GAUGE;

    public MetricObservation() {}

    public MetricObservation(String series, long timestampMillis, double value, SeriesKind kind) {
        this.series = series;
        this.timestampMillis = timestampMillis;
        this.value = value;
        this.kind = kind;
    }

    public static MetricObservation gauge(String series, long timestampMillis, double value) {
        return new MetricObservation(series, timestampMillis, value, SeriesKind.GAUGE);
    }

    public String getSeries() {
        return series;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetricObservation)) {
            return false;
        }
        MetricObservation m = (MetricObservation) o;
        return timestampMillis == m.timestampMillis
                && Double.compare(value, m.value) == 0
                && Objects.equals(series, m.series)
                && kind == m.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(series, timestampMillis, value, kind);
    }

    @Override
    public String toString() {
        return series + "@" + timestampMillis + "=" + value + " (" + kind + ")";
    }
}
