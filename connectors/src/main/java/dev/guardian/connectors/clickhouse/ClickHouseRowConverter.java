package dev.guardian.connectors.clickhouse;

import java.io.Serializable;
import java.util.Map;

/**
 * Maps one record to one ClickHouse row: column name → value. A pure function with its own unit
 * test; the sink serialises the map as a JSONEachRow line, so no SQL is ever built from event data.
 *
 * <p>Values: {@code String}, {@code Boolean}, any {@code Number} ({@code BigDecimal} for Decimal
 * columns, written in plain notation), {@code Map} (Map columns), {@code List} (Array columns),
 * {@code null} (Nullable or default), and {@link java.time.Instant} for DateTime/DateTime64 columns
 * (written as a quoted unix timestamp with its fraction, e.g. {@code "1700000000.123"}, which
 * ClickHouse reads the same whatever the column's time zone; truncate to whole seconds for {@code
 * DateTime}, which refuses a fraction).
 */
@FunctionalInterface
public interface ClickHouseRowConverter<T> extends Serializable {

    Map<String, Object> toRow(T record);
}
