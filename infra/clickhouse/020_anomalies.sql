-- Anomalies of every stream (topic guardian.anomalies, record schemas/src/main/avro/Anomaly.avsc):
-- one shared table, one row per anomaly, whichever job found it (source = METRICS, LOGS, BILLING,
-- SECURITY). Columns follow the Avro record's fields; maps stay maps.
--
-- Ids are deterministic (same input, same model, same id), so ReplacingMergeTree keyed by id
-- collapses replays and retried batches; read with FINAL (or GROUP BY id) for exact counts before
-- merges. time is a function of id, so it may lead the sort key without breaking deduplication.
-- non_replicated_deduplication_window lets the exactly-once sink retry a batch with the same
-- insert_deduplication_token without writing it twice.
CREATE TABLE IF NOT EXISTS guardian.anomalies
(
    id           String,
    source       LowCardinality(String),
    entity       String,
    metric       LowCardinality(String),
    labels       Map(LowCardinality(String), String),
    time         DateTime64(3, 'UTC'),
    value        Float64,
    expected     Nullable(Float64),
    lower        Nullable(Float64),
    upper        Nullable(Float64),
    unit         LowCardinality(Nullable(String)),
    score        Float64,
    grade        LowCardinality(String),
    detector     LowCardinality(String),
    driver       Nullable(String),
    explanation  String,
    links        Map(String, String),
    evidence     Map(String, String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (source, time, id)
SETTINGS non_replicated_deduplication_window = 1000;

-- Example queries.
--
-- Anomalies of the last hour, worst first, with the explanation:
--   SELECT time, source, entity, value, expected, score, grade, explanation
--   FROM guardian.anomalies FINAL WHERE time > now() - INTERVAL 1 HOUR ORDER BY score DESC LIMIT 20;
--
-- Metric anomalies over the series' raw points (entity is the series key; metric_points.series too):
--   SELECT p.ts, p.value, a.score, a.expected FROM guardian.metric_points AS p FINAL
--   LEFT JOIN (SELECT time, score, expected, entity FROM guardian.anomalies FINAL
--              WHERE source = 'METRICS') AS a ON a.entity = p.series AND a.time = p.ts
--   WHERE p.name = 'cpu_utilization' AND p.ts > now() - INTERVAL 1 HOUR ORDER BY p.ts;
--
-- Which hosts had the most anomalies today, by source:
--   SELECT labels['host'] AS host, source, count() AS anomalies FROM guardian.anomalies FINAL
--   WHERE time >= today() GROUP BY host, source ORDER BY anomalies DESC LIMIT 10;
