-- Security stream (issue 6): normalized events for hunting by SQL, and the detections of the
-- security job (Sigma rules, correlations, stateful detectors).
--
-- Both tables are ReplacingMergeTree keyed by a deterministic id (CloudTrail's eventID; the
-- detection id, a hash of rule and evidence), so a replay or a retried batch replaces rows instead
-- of adding them; read with FINAL (or GROUP BY the id) for exact counts before merges.
-- non_replicated_deduplication_window lets the exactly-once sink retry a batch with the same
-- insert_deduplication_token without writing it twice.

-- Every event that could be read, with the record it came from (original_json) so a hunt can reach
-- any CloudTrail field: JSONExtractString(original_json, 'requestParameters', 'bucketName').
-- event_id is CloudTrail's eventID, or 'sha-' + a hash of the record when it has none.
CREATE TABLE IF NOT EXISTS guardian.security_events
(
    time           DateTime64(3, 'UTC'),
    event_id       String,
    actor          Nullable(String),
    source_ip      Nullable(String),
    user_agent     Nullable(String),
    service        LowCardinality(String),
    operation      LowCardinality(String),
    outcome        LowCardinality(String),
    region         LowCardinality(Nullable(String)),
    resource       Nullable(String),
    account_id     LowCardinality(Nullable(String)),
    error_code     LowCardinality(Nullable(String)),
    error_message  Nullable(String),
    original_json  String CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (service, operation, time, event_id)
SETTINGS non_replicated_deduplication_window = 1000;

-- One row per detection. A detection whose repeats were suppressed is issued again when its
-- window closes, same id, with suppressed_repeats set: the version column keeps that row.
-- actor, source_ip and account_id are lifted out of fields for grouping; tags hold the Sigma tags
-- (ATT&CK: attack.t1078.004, attack.initial-access).
CREATE TABLE IF NOT EXISTS guardian.detections
(
    id                 String,
    rule_id            LowCardinality(String),
    rule_title         LowCardinality(String),
    level              LowCardinality(String),
    tags               Array(LowCardinality(String)),
    time               DateTime64(3, 'UTC'),
    window_start       Nullable(DateTime64(3, 'UTC')),
    window_end         Nullable(DateTime64(3, 'UTC')),
    group_by           Map(String, String),
    actor              String,
    source_ip          String,
    account_id         LowCardinality(String),
    matched_event_ids  Array(String),
    events             Array(String) CODEC(ZSTD(3)),
    fields             Map(String, String),
    suppressed_repeats UInt64,
    inserted_at        DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(suppressed_repeats)
PARTITION BY toYYYYMM(time)
ORDER BY (rule_id, time, id)
SETTINGS non_replicated_deduplication_window = 1000;

-- Example queries.
--
-- Failed console logins per principal and source IP in the last day:
--   SELECT actor, source_ip, count() AS failures FROM guardian.security_events FINAL
--   WHERE operation = 'ConsoleLogin' AND outcome = 'FAILURE' AND time > now() - INTERVAL 1 DAY
--   GROUP BY actor, source_ip ORDER BY failures DESC LIMIT 20;
--
-- Everything one principal did around a detection, with a field of the original record:
--   SELECT time, service, operation, outcome, source_ip,
--          JSONExtractString(original_json, 'requestParameters', 'bucketName') AS bucket
--   FROM guardian.security_events FINAL
--   WHERE actor = 'arn:aws:iam::123456789123:user/pedro'
--     AND time BETWEEN '2020-09-14 00:00:00' AND '2020-09-14 02:00:00' ORDER BY time;
--
-- Detections of the last day by rule and level, with repeats suppressed into them:
--   SELECT rule_title, level, count() AS detections, sum(suppressed_repeats) AS repeats
--   FROM guardian.detections FINAL WHERE time > now() - INTERVAL 1 DAY
--   GROUP BY rule_title, level ORDER BY detections DESC;
--
-- The events behind a detection:
--   SELECT e.time, e.operation, e.source_ip FROM guardian.security_events AS e FINAL
--   WHERE e.event_id IN (SELECT arrayJoin(matched_event_ids) FROM guardian.detections FINAL
--                        WHERE id = '<detection id>') ORDER BY e.time;
--
-- ATT&CK techniques seen this week:
--   SELECT upper(substring(tag, 8)) AS technique, count() AS detections
--   FROM guardian.detections FINAL ARRAY JOIN tags AS tag
--   WHERE match(tag, '^attack\\.t[0-9]{4}') AND time > now() - INTERVAL 7 DAY
--   GROUP BY technique ORDER BY detections DESC;
