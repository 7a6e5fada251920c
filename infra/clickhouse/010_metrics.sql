-- Metrics stream (issue 2): raw points and one-minute rollups per series.
--
-- Both tables are ReplacingMergeTree keyed by series and time, so a replay or a retried batch
-- replaces rows instead of adding them; query with FINAL (or argMax) for exact counts before merges.
-- non_replicated_deduplication_window lets the exactly-once sink retry a batch with the same
-- insert_deduplication_token without writing it twice.

-- Every valid point as it arrived. series_id = cityHash-free stable 64-bit hash of name + sorted
-- labels, computed by the job (see SeriesKey), so joins with rollups and anomalies are cheap.
CREATE TABLE IF NOT EXISTS guardian.metric_points
(
    series_id   UInt64,
    series      String,
    name        LowCardinality(String),
    labels      Map(LowCardinality(String), String),
    ts          DateTime64(3, 'UTC'),
    value       Float64,
    type        LowCardinality(String),
    unit        LowCardinality(String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (name, series_id, ts)
SETTINGS non_replicated_deduplication_window = 1000;

-- One row per series per event-time minute. A late point re-emits the minute with a higher
-- revision, and ReplacingMergeTree(revision) keeps the newest.
CREATE TABLE IF NOT EXISTS guardian.metric_rollups_1m
(
    series_id   UInt64,
    series      String,
    name        LowCardinality(String),
    labels      Map(LowCardinality(String), String),
    minute      DateTime('UTC'),
    count       UInt64,
    min         Float64,
    max         Float64,
    sum         Float64,
    last        Float64,
    revision    UInt64
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(minute)
ORDER BY (name, series_id, minute)
SETTINGS non_replicated_deduplication_window = 1000;
