package dev.guardian.ops.verify;

/**
 * What one output of a job holds after a run, against what it should hold.
 *
 * @param output e.g. {@code ClickHouse metric_points}
 * @param expected results the input should produce, each once
 * @param out distinct results found (ClickHouse: {@code FINAL}; Elasticsearch: documents by id;
 *     InfluxDB: points by series and time)
 * @param duplicates results stored more than once as a plain query sees them (ClickHouse without
 *     {@code FINAL}); {@code -1} where the store cannot hold a duplicate
 * @param extra results found that the input should not produce (e.g. a rollup counting a point
 *     twice)
 */
public record OutputCount(String output, long expected, long out, long duplicates, long extra) {

    public static OutputCount of(String output, long expected, long out, long duplicates) {
        return new OutputCount(output, expected, out, duplicates, Math.max(0, out - expected));
    }

    public long lost() {
        return Math.max(0, expected - out);
    }

    /** Each expected result exactly once. */
    public boolean exact() {
        return lost() == 0 && extra == 0 && duplicates <= 0;
    }
}
