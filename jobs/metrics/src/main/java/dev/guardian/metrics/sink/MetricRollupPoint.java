package dev.guardian.metrics.sink;

import dev.guardian.connectors.influxdb.InfluxPoint;
import dev.guardian.connectors.influxdb.InfluxPointConverter;
import dev.guardian.metrics.MetricRollup;
import java.util.List;

/**
 * A rollup as an InfluxDB point: measurement {@code metric_rollups_1m}, tags {@code metric}, {@code
 * series_id} and one per label, fields count/min/max/sum/last, time = the minute's start. A
 * re-emitted minute overwrites the same point (same series and time), so replays are idempotent.
 */
public class MetricRollupPoint implements InfluxPointConverter<MetricRollup> {

    private static final long serialVersionUID = 1L;

    public static final String MEASUREMENT = "metric_rollups_1m";

    @Override
    public List<InfluxPoint> toPoints(MetricRollup rollup) {
        InfluxPoint.Builder point =
                InfluxPoint.measurement(MEASUREMENT)
                        .tag("metric", rollup.name)
                        .tag("series_id", Long.toUnsignedString(rollup.seriesId));
        String[] labels = rollup.labels;
        for (int i = 0; i + 1 < labels.length; i += 2) {
            // a label may not shadow the two tags above
            if (!labels[i].equals("metric") && !labels[i].equals("series_id")) {
                point.tag(labels[i], labels[i + 1]);
            }
        }
        return List.of(
                point.field("count", rollup.count)
                        .field("min", rollup.min)
                        .field("max", rollup.max)
                        .field("sum", rollup.sum)
                        .field("last", rollup.last)
                        .time(java.time.Instant.ofEpochMilli(rollup.minuteStartMillis))
                        .build());
    }
}
