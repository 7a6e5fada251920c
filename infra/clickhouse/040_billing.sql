-- Billing stream (issue 4): FOCUS billing records, cost rollups, forecasts, anomalies, budgets.
-- Analysts' guide with example queries: jobs/billing/README.md.
--
-- Billing data is re-delivered and restated for days. Nothing here double counts:
-- * billing_records is a ReplacingMergeTree keyed by the stable record id with the delivery time
--   as version: a restatement replaces its line (query with FINAL).
-- * the rollups are computed by the job over the latest version of every line (it remembers each
--   record id for the restatement horizon) and re-emitted with a higher revision when a late line
--   or a restatement changes them: ReplacingMergeTree(revision) keeps the newest (FINAL).
-- * every table takes the exactly-once sink's insert_deduplication_token
--   (non_replicated_deduplication_window), and every key is deterministic, so replays and retries
--   replace rows instead of adding them.
-- Money is Decimal(38, 18), like the Avro schemas: FOCUS exports carry 11+ fractional digits.

-- Every billing line, latest delivery wins. Column X is FOCUS column X in snake_case.
CREATE TABLE IF NOT EXISTS guardian.billing_records
(
    record_id                     String,
    version                       UInt64,
    provider_name                 LowCardinality(String),
    publisher_name                LowCardinality(String),
    invoice_issuer_name           LowCardinality(String),
    invoice_id                    String,
    billing_account_id            String,
    billing_account_name          String,
    sub_account_id                String,
    sub_account_name              String,
    service_name                  LowCardinality(String),
    service_category              LowCardinality(String),
    service_subcategory           LowCardinality(String),
    region_id                     LowCardinality(String),
    region_name                   LowCardinality(String),
    availability_zone             LowCardinality(String),
    resource_id                   String,
    resource_name                 String,
    resource_type                 LowCardinality(String),
    sku_id                        String,
    sku_price_id                  String,
    charge_category               LowCardinality(String),
    charge_class                  LowCardinality(String),
    charge_description            String,
    charge_frequency              LowCardinality(String),
    charge_period_start           DateTime64(3, 'UTC'),
    charge_period_end             DateTime64(3, 'UTC'),
    billing_period_start          Nullable(DateTime64(3, 'UTC')),
    billing_period_end            Nullable(DateTime64(3, 'UTC')),
    billed_cost                   Decimal(38, 18),
    effective_cost                Decimal(38, 18),
    list_cost                     Nullable(Decimal(38, 18)),
    contracted_cost               Nullable(Decimal(38, 18)),
    billing_currency              LowCardinality(String),
    consumed_quantity             Nullable(Decimal(38, 18)),
    consumed_unit                 LowCardinality(String),
    pricing_category              LowCardinality(String),
    pricing_quantity              Nullable(Decimal(38, 18)),
    pricing_unit                  LowCardinality(String),
    list_unit_price               Nullable(Decimal(38, 18)),
    contracted_unit_price         Nullable(Decimal(38, 18)),
    commitment_discount_id        String,
    commitment_discount_name      String,
    commitment_discount_category  LowCardinality(String),
    commitment_discount_type      LowCardinality(String),
    commitment_discount_status    LowCardinality(String),
    tags                          Map(String, String),
    delivered_at                  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(charge_period_start)
ORDER BY (billing_account_id, service_name, charge_period_start, record_id)
SETTINGS non_replicated_deduplication_window = 1000;

-- Cost per hour x billing account x sub account x provider x service x region x currency x tags
-- (the job's guardian.billing.rollup-tag-keys). tag_set is the tags as sorted 'k=v,k=v' text.
CREATE TABLE IF NOT EXISTS guardian.billing_cost_hourly
(
    hour                  DateTime('UTC'),
    billing_account_id    String,
    billing_account_name  String,
    sub_account_id        String,
    sub_account_name      String,
    provider_name         LowCardinality(String),
    service_name          LowCardinality(String),
    region_id             LowCardinality(String),
    billing_currency      LowCardinality(String),
    tag_set               String,
    tags                  Map(String, String),
    billed_cost           Decimal(38, 18),
    effective_cost        Decimal(38, 18),
    list_cost             Decimal(38, 18),
    lines                 Int64,
    revision              UInt64
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(hour)
ORDER BY (billing_account_id, service_name, hour, sub_account_id, provider_name, region_id,
          billing_currency, tag_set)
SETTINGS non_replicated_deduplication_window = 1000;

-- The same per UTC day.
CREATE TABLE IF NOT EXISTS guardian.billing_cost_daily
(
    day                   Date,
    billing_account_id    String,
    billing_account_name  String,
    sub_account_id        String,
    sub_account_name      String,
    provider_name         LowCardinality(String),
    service_name          LowCardinality(String),
    region_id             LowCardinality(String),
    billing_currency      LowCardinality(String),
    tag_set               String,
    tags                  Map(String, String),
    billed_cost           Decimal(38, 18),
    effective_cost        Decimal(38, 18),
    list_cost             Decimal(38, 18),
    lines                 Int64,
    revision              UInt64
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(day)
ORDER BY (billing_account_id, service_name, day, sub_account_id, provider_name, region_id,
          billing_currency, tag_set)
SETTINGS non_replicated_deduplication_window = 1000;

-- Forecast points: one row per (forecast, step). metric 'effectiveCost' is hourly (24 steps from
-- the origin), 'effectiveCost.monthTotal' is one row per forecast, time = the month's start,
-- expected = the month's projected total (actual so far + forecast rest).
CREATE TABLE IF NOT EXISTS guardian.cost_forecasts
(
    forecast_id         String,
    entity              String,
    billing_account_id  String,
    service_name        LowCardinality(String),
    metric              LowCardinality(String),
    currency            LowCardinality(String),
    generated_at        DateTime('UTC'),
    time                DateTime('UTC'),
    expected            Decimal(38, 18),
    lower80             Decimal(38, 18),
    upper80             Decimal(38, 18),
    lower95             Decimal(38, 18),
    upper95             Decimal(38, 18),
    model               LowCardinality(String),
    model_version       LowCardinality(String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(generated_at)
ORDER BY (entity, metric, generated_at, time)
SETTINGS non_replicated_deduplication_window = 1000;

-- Hours whose spend left the forecast's 95% band, with the root cause in dollars.
CREATE TABLE IF NOT EXISTS guardian.cost_anomalies
(
    id                  String,
    time                DateTime('UTC'),
    entity              String,
    billing_account_id  String,
    service_name        LowCardinality(String),
    currency            LowCardinality(String),
    value               Float64,
    expected            Float64,
    lower               Float64,
    upper               Float64,
    excess              Decimal(38, 18),
    score               Float64,
    grade               LowCardinality(String),
    partial_hour        Bool,
    root_cause_dimension LowCardinality(String),
    root_cause_value    String,
    root_cause_amount   Decimal(38, 18),
    explanation         String,
    detector            LowCardinality(String),
    evidence            Map(String, String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (time, entity, id)
SETTINGS non_replicated_deduplication_window = 1000;

-- Alert state changes of the billing job: cost anomalies (firing, resolved) and budgets
-- (threshold crossed, breach projected), as sent to guardian.alerts.
CREATE TABLE IF NOT EXISTS guardian.cost_alerts
(
    fingerprint   String,
    kind          LowCardinality(String),
    status        LowCardinality(String),
    severity      LowCardinality(String),
    time          DateTime('UTC'),
    starts_at     DateTime('UTC'),
    entity        String,
    title         String,
    summary       String,
    value         Nullable(Float64),
    expected      Nullable(Float64),
    labels        Map(String, String),
    evidence      Map(String, String),
    origin_id     String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (fingerprint, status, time)
SETTINGS non_replicated_deduplication_window = 1000;

-- Each budget after every hour: actual spend of the period so far and the month-end projection.
CREATE TABLE IF NOT EXISTS guardian.budget_status
(
    budget_id          String,
    budget_name        String,
    period             Date,
    hour               DateTime('UTC'),
    currency           LowCardinality(String),
    amount             Decimal(38, 18),
    actual             Decimal(38, 18),
    projected          Decimal(38, 18),
    projected_lower    Decimal(38, 18),
    projected_upper    Decimal(38, 18),
    breach_day         Nullable(Date)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (budget_id, period, hour)
SETTINGS non_replicated_deduplication_window = 1000;
