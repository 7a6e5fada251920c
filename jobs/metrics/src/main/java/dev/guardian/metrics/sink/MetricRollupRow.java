package dev.guardian.metrics.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.metrics.MetricRollup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rollup as a row of {@code guardian.metric_rollups_1m}. */
public class MetricRollupRow implements ClickHouseRowConverter<MetricRollup> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "metric_rollups_1m";

    @Override
    public Map<String, Object> toRow(MetricRollup rollup) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("series_id", Long.toUnsignedString(rollup.seriesId));
        row.put("series", rollup.series);
        row.put("name", rollup.name);
        row.put("labels", Labels.toMap(rollup.labels));
        row.put("minute", Instant.ofEpochMilli(rollup.minuteStartMillis));
        row.put("count", rollup.count);
        row.put("min", rollup.min);
        row.put("max", rollup.max);
        row.put("sum", rollup.sum);
        row.put("last", rollup.last);
        row.put("revision", rollup.revision);
        return row;
    }
}
