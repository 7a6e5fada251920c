-- Alert router (issue 7, jobs/alerts): every alert state change with the router's decision, and
-- every delivery attempt to PagerDuty, Slack and webhooks. "What paged us last night and why" is a
-- join of the two on the fingerprint.
--
-- Both tables are ReplacingMergeTree on deterministic keys, so a replay after a restore replaces
-- rows instead of adding them; read with FINAL for exact counts before merges.
-- non_replicated_deduplication_window lets the exactly-once sink retry a batch with the same
-- insert_deduplication_token without writing it twice.

-- One row per alert state change received on guardian.alerts (and per auto-resolve the router made).
-- decision: TRIGGER, ESCALATE, RENOTIFY, RESOLVE, AUTO_RESOLVE notify; DUPLICATE, MUTED,
-- RESOLVED_SILENTLY are recorded only. routes/receivers: the routing rules that matched.
CREATE TABLE IF NOT EXISTS guardian.alerts
(
    record_id         String,
    time              DateTime64(3, 'UTC'),
    fingerprint       String,
    episode_id        String,
    source            LowCardinality(String),
    severity          LowCardinality(String),
    status            LowCardinality(String),
    decision          LowCardinality(String),
    notified          Bool,
    notification_seq  UInt32,
    muted_by          String,
    title             String,
    summary           String,
    entity            String,
    labels            Map(LowCardinality(String), String),
    evidence          Map(String, String),
    value             Nullable(Float64),
    expected          Nullable(Float64),
    starts_at         DateTime64(3, 'UTC'),
    routes            Array(LowCardinality(String)),
    receivers         Array(LowCardinality(String)),
    runbook           String,
    origin_id         String,
    links             Array(String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (fingerprint, time, status, severity)
SETTINGS non_replicated_deduplication_window = 1000;

-- One row per delivery attempt of a notification to a receiver. status: delivered, retrying (a
-- later attempt follows), failed (dead-lettered to guardian.deliveries.dlq), already_delivered (a
-- replay after a restart found it in the delivery ledger and did not send it again). A replayed
-- attempt has the same (receiver, delivery_id, attempt) and the newer one wins.
CREATE TABLE IF NOT EXISTS guardian.alert_deliveries
(
    attempted_at       DateTime64(3, 'UTC'),
    delivery_id        String,
    attempt            UInt16,
    notification_id    String,
    receiver           LowCardinality(String),
    receiver_type      LowCardinality(String),
    route              LowCardinality(String),
    kind               LowCardinality(String),
    dedup_key          String,
    severity           LowCardinality(String),
    title              String,
    fingerprints       Array(String),
    status             LowCardinality(String),
    http_status        UInt16,
    latency_ms         UInt32,
    retry_after_ms     UInt32,
    error              String,
    notification_time  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(attempted_at)
PARTITION BY toYYYYMM(attempted_at)
ORDER BY (receiver, delivery_id, attempt)
SETTINGS non_replicated_deduplication_window = 1000;

-- Example queries.
--
-- What paged us last night, and why (the alert changes behind each delivered notification):
--   SELECT d.attempted_at, d.receiver, d.kind, d.title, a.decision, a.value, a.expected, a.summary
--   FROM guardian.alert_deliveries AS d FINAL ARRAY JOIN d.fingerprints AS fp
--   JOIN (SELECT * FROM guardian.alerts FINAL) AS a ON a.fingerprint = fp
--   WHERE d.status = 'delivered' AND d.receiver_type = 'pagerduty'
--     AND d.attempted_at >= today() - 1 + toIntervalHour(18)
--     AND a.time BETWEEN d.notification_time - INTERVAL 1 MINUTE AND d.notification_time
--   ORDER BY d.attempted_at;
--
-- Alert volume reduction: alert changes in vs notifications out, per day:
--   SELECT toDate(time) AS day, count() AS changes, countIf(notified) AS notifying,
--          countIf(decision = 'DUPLICATE') AS duplicates, countIf(decision = 'MUTED') AS muted
--   FROM guardian.alerts FINAL GROUP BY day ORDER BY day;
--
-- Delivery latency and failures per receiver over the last hour:
--   SELECT receiver, countIf(status = 'delivered') AS delivered, countIf(status = 'failed') AS failed,
--          quantileIf(0.99)(latency_ms, status = 'delivered') AS p99_ms,
--          quantileIf(0.99)(dateDiff('millisecond', notification_time, attempted_at), status = 'delivered') AS p99_end_to_end_ms
--   FROM guardian.alert_deliveries FINAL WHERE attempted_at > now() - INTERVAL 1 HOUR GROUP BY receiver;
--
-- Why was this alert not notified (muted? duplicate? which mute?):
--   SELECT time, status, severity, decision, muted_by, routes FROM guardian.alerts FINAL
--   WHERE fingerprint = {fingerprint:String} ORDER BY time;
