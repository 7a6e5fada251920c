-- Logs stream (issue 5): templates mined online and lines per template per minute. The log lines
-- themselves live in Elasticsearch (data stream logs-guardian-*); the log anomalies go to the shared
-- guardian.anomalies table (020_anomalies.sql) with source = 'LOGS', e.g.
--   SELECT time, labels['service'], explanation, links['elasticsearch'] FROM anomalies FINAL
--     WHERE source = 'LOGS' AND time > now() - INTERVAL 1 DAY ORDER BY time DESC
--
-- Every table is a ReplacingMergeTree keyed by what makes a row unique, so a replay or a retried
-- batch replaces rows instead of adding them; query with FINAL (or argMax) before merges.
-- non_replicated_deduplication_window lets the exactly-once sink retry a batch with the same
-- insert_deduplication_token without writing it twice.

-- One row per template per service: its text (<*> for variables), first line, and one redacted
-- example. A row is written when a template is created or absorbs others (generalisation); the
-- newest change wins. A template absorbed by another has merged_into = the id now holding its
-- lines. Counts and last seen come from log_template_counts_1m (see log_template_stats).
--   SELECT template, example FROM log_templates FINAL WHERE service = 'checkout' AND merged_into = ''
--   SELECT service, template, first_seen FROM log_templates FINAL
--     WHERE first_seen > now() - INTERVAL 1 HOUR ORDER BY first_seen DESC   -- new kinds of lines
CREATE TABLE IF NOT EXISTS guardian.log_templates
(
    service          LowCardinality(String),
    template_id      String,
    template         String,
    example          String,
    first_seen       DateTime64(3, 'UTC'),
    changed_at       DateTime64(3, 'UTC'),
    count_at_change  UInt64,
    merged_ids       Array(String),
    merged_into      String
)
ENGINE = ReplacingMergeTree(changed_at)
ORDER BY (service, template_id)
SETTINGS non_replicated_deduplication_window = 1000;

-- Lines per template, service and severity per event-time minute (a minute is written once the
-- watermark passes it; lines later than the job's out-of-orderness are indexed but not counted).
--   SELECT minute, severity, sum(count) FROM log_template_counts_1m FINAL
--     WHERE service = 'checkout' AND minute > now() - INTERVAL 1 HOUR GROUP BY minute, severity
--   SELECT template, sum(count) AS lines FROM log_template_counts_1m FINAL
--     WHERE minute > now() - INTERVAL 1 DAY GROUP BY template ORDER BY lines DESC LIMIT 20
CREATE TABLE IF NOT EXISTS guardian.log_template_counts_1m
(
    service      LowCardinality(String),
    template_id  String,
    severity     LowCardinality(String),
    minute       DateTime('UTC'),
    template     String,
    count        UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (service, template_id, severity, minute)
SETTINGS non_replicated_deduplication_window = 1000;

-- Each template with its lines, first and last seen and an example; the lines of absorbed
-- templates count for the template that absorbed them (one level of merges).
--   SELECT service, template, lines, last_seen FROM log_template_stats ORDER BY lines DESC LIMIT 20
CREATE VIEW IF NOT EXISTS guardian.log_template_stats AS
SELECT
    t.service                   AS service,
    t.template_id               AS template_id,
    t.template                  AS template,
    t.example                   AS example,
    t.first_seen                AS first_seen,
    c.last_minute               AS last_seen,
    c.lines                     AS lines
FROM
(
    SELECT service, template_id, template, example, first_seen
    FROM guardian.log_templates FINAL
    WHERE merged_into = ''
) AS t
INNER JOIN
(
    SELECT
        counts.service AS service,
        if(m.merged_into = '', counts.template_id, m.merged_into) AS live_id,
        sum(counts.count) AS lines,
        max(counts.minute) AS last_minute
    FROM guardian.log_template_counts_1m AS counts FINAL
    LEFT JOIN
    (
        SELECT service, template_id, merged_into FROM guardian.log_templates FINAL
    ) AS m ON m.service = counts.service AND m.template_id = counts.template_id
    GROUP BY service, live_id
) AS c ON c.service = t.service AND c.live_id = t.template_id;
