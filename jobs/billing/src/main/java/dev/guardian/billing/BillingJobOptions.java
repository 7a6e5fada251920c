package dev.guardian.billing;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Settings of the billing job; every one has a default that suits the local stack. */
public final class BillingJobOptions {

    private BillingJobOptions() {}

    public static final ConfigOption<String> INPUT_TOPIC =
            ConfigOptions.key("guardian.billing.topic")
                    .stringType()
                    .defaultValue("billing.records")
                    .withDescription("Kafka topic of BillingRecord records (Avro or JSON, FOCUS).");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("guardian.billing.dead-letter-topic")
                    .stringType()
                    .defaultValue("billing.records.dlq")
                    .withDescription(
                            "Kafka topic receiving records that fail to decode or validate.");

    public static final ConfigOption<String> FORECAST_TOPIC =
            ConfigOptions.key("guardian.billing.forecast-topic")
                    .stringType()
                    .defaultValue("guardian.forecasts")
                    .withDescription("Kafka topic of the cost forecasts (Forecast records).");

    public static final ConfigOption<String> ANOMALY_TOPIC =
            ConfigOptions.key("guardian.billing.anomaly-topic")
                    .stringType()
                    .defaultValue("guardian.anomalies")
                    .withDescription("Kafka topic of the cost anomalies (Anomaly records).");

    public static final ConfigOption<String> ALERT_TOPIC =
            ConfigOptions.key("guardian.billing.alert-topic")
                    .stringType()
                    .defaultValue("guardian.alerts")
                    .withDescription("Kafka topic of cost anomaly and budget alerts.");

    public static final ConfigOption<DeliveryGuarantee> KAFKA_DELIVERY_GUARANTEE =
            ConfigOptions.key("guardian.billing.kafka-delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
                    .withDescription(
                            "Forecasts, anomalies and alerts on Kafka: EXACTLY_ONCE uses"
                                    + " transactions committed at checkpoints (readers use"
                                    + " read_committed); AT_LEAST_ONCE relies on the records'"
                                    + " deterministic ids.");

    public static final ConfigOption<Integer> MAX_RECORD_BYTES =
            ConfigOptions.key("guardian.billing.max-record-bytes")
                    .intType()
                    .defaultValue(4 * 1024 * 1024)
                    .withDescription(
                            "Larger messages are dead-lettered without being decoded (a JSON"
                                    + " array of FOCUS rows may be large).");

    public static final ConfigOption<Integer> MAX_TAGS =
            ConfigOptions.key("guardian.billing.max-tags")
                    .intType()
                    .defaultValue(64)
                    .withDescription("Most tags a record may carry.");

    public static final ConfigOption<Duration> MAX_FUTURE_SKEW =
            ConfigOptions.key("guardian.billing.max-future-skew")
                    .durationType()
                    .defaultValue(Duration.ofDays(2))
                    .withDescription(
                            "Records whose ChargePeriodStart is further ahead of the"
                                    + " TaskManager's clock are dead-lettered: they would close"
                                    + " every open hour.");

    public static final ConfigOption<Duration> MAX_CHARGE_PERIOD =
            ConfigOptions.key("guardian.billing.max-charge-period")
                    .durationType()
                    .defaultValue(Duration.ofDays(366))
                    .withDescription("Longest accepted ChargePeriodEnd - ChargePeriodStart.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("guardian.billing.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription(
                            "How far behind the newest ChargePeriodStart a record may arrive and"
                                    + " still count as on time for its hour; later records are"
                                    + " corrections (rollups re-emitted, history amended).");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("guardian.billing.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A Kafka partition silent this long stops holding back the watermark.");

    public static final ConfigOption<Duration> RESTATEMENT_HORIZON =
            ConfigOptions.key("guardian.billing.restatement-horizon")
                    .durationType()
                    .defaultValue(Duration.ofDays(45))
                    .withDescription(
                            "How long a record id is remembered (state TTL): a re-delivery or"
                                    + " restatement within it replaces the earlier amounts in"
                                    + " the rollups; after it, it counts as a new line.");

    public static final ConfigOption<String> ROLLUP_TAG_KEYS =
            ConfigOptions.key("guardian.billing.rollup-tag-keys")
                    .stringType()
                    .defaultValue("team,environment,application,business_unit,cost_center")
                    .withDescription(
                            "Comma-separated tag keys that the hourly and daily rollups group"
                                    + " by (the 'tag' dimension); other tags stay in the records"
                                    + " table.");

    public static final ConfigOption<String> FORECAST_CHARGE_CATEGORIES =
            ConfigOptions.key("guardian.billing.forecast-charge-categories")
                    .stringType()
                    .defaultValue("Usage")
                    .withDescription(
                            "FOCUS ChargeCategory values whose EffectiveCost the forecasts and"
                                    + " anomaly detection follow (purchases and credits are"
                                    + " lumpy by design and would read as anomalies).");

    public static final ConfigOption<String> MODEL_DIR =
            ConfigOptions.key("guardian.billing.model-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Model directory written by 'guardian train cost' (a version"
                                    + " directory, or its parent: the newest version is used),"
                                    + " readable by every TaskManager. Unset or unreadable: the"
                                    + " statistical seasonal forecaster, logged as such.");

    public static final ConfigOption<Integer> FORECAST_BATCH_SIZE =
            ConfigOptions.key("guardian.billing.forecast-batch-size")
                    .intType()
                    .defaultValue(256)
                    .withDescription(
                            "Most keys forecast in one model call; a batch also ends at every"
                                    + " watermark.");

    public static final ConfigOption<Double> ANOMALY_MIN_EXCESS =
            ConfigOptions.key("guardian.billing.anomaly.min-excess")
                    .doubleType()
                    .defaultValue(5.0)
                    .withDescription(
                            "Smallest excess over the forecast's 95% upper bound, in the billing"
                                    + " currency per hour, that counts as an anomaly: small keys"
                                    + " are noisy and cheap.");

    public static final ConfigOption<Double> ANOMALY_MIN_RATIO =
            ConfigOptions.key("guardian.billing.anomaly.min-ratio")
                    .doubleType()
                    .defaultValue(1.25)
                    .withDescription(
                            "An hour is anomalous only if its spend is also at least this many"
                                    + " times the expected spend.");

    public static final ConfigOption<Integer> MIN_HISTORY_HOURS =
            ConfigOptions.key("guardian.billing.anomaly.min-history-hours")
                    .intType()
                    .defaultValue(72)
                    .withDescription(
                            "Hours of history a key needs before its spend is judged against"
                                    + " its forecast.");

    public static final ConfigOption<String> BUDGETS_FILE =
            ConfigOptions.key("guardian.billing.budgets")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "YAML file of budgets (see jobs/billing/README.md), read when the job"
                                    + " is submitted. Unset: no budget alerts.");

    public static final ConfigOption<String> LINK_BASE =
            ConfigOptions.key("guardian.billing.dashboard-url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:3000/d/guardian-cost")
                    .withDescription("Grafana cost dashboard, linked from alerts.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("guardian.billing.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Exactly-once outputs become visible at checkpoints: this bounds their"
                                    + " latency.");
}
