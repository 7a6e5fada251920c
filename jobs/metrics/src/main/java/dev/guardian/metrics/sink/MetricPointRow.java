package dev.guardian.metrics.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.metrics.MetricSample;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A point as a row of {@code guardian.metric_points} (see infra/clickhouse/010_metrics.sql). */
public class MetricPointRow implements ClickHouseRowConverter<MetricSample> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "metric_points";

    @Override
    public Map<String, Object> toRow(MetricSample sample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("series_id", Long.toUnsignedString(sample.seriesId));
        row.put("series", sample.series);
        row.put("name", sample.name);
        row.put("labels", sample.labelMap());
        row.put("ts", Instant.ofEpochMilli(sample.timestampMillis));
        row.put("value", sample.value);
        row.put("type", sample.type);
        row.put("unit", sample.unit);
        return row;
    }
}
