package dev.guardian.alerts;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of the alert router job; routing rules and receivers live in the YAML it names. */
public final class AlertRouterOptions {

    private AlertRouterOptions() {}

    public static final ConfigOption<String> CONFIG_FILE =
            ConfigOptions.key("guardian.alerts.config")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "YAML file of receivers, routes, mutes and maintenance windows"
                                    + " (jobs/alerts/README.md). Read where the job's main runs"
                                    + " (the JobManager for REST submissions); secrets in it are"
                                    + " only names of environment variables or files.");

    public static final ConfigOption<String> INPUT_TOPIC =
            ConfigOptions.key("guardian.alerts.topic")
                    .stringType()
                    .defaultValue("guardian.alerts")
                    .withDescription("Kafka topic of Alert records (Avro or JSON).");

    public static final ConfigOption<String> MUTES_TOPIC =
            ConfigOptions.key("guardian.alerts.mutes-topic")
                    .stringType()
                    .defaultValue("guardian.mutes")
                    .withDescription(
                            "Compacted Kafka topic of runtime mute commands (JSON), keyed by mute"
                                    + " id.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("guardian.alerts.dead-letter-topic")
                    .stringType()
                    .defaultValue("guardian.alerts.dlq")
                    .withDescription("Kafka topic of alerts and mute commands that do not decode.");

    public static final ConfigOption<String> DELIVERY_DEAD_LETTER_TOPIC =
            ConfigOptions.key("guardian.alerts.delivery-dead-letter-topic")
                    .stringType()
                    .defaultValue("guardian.deliveries.dlq")
                    .withDescription(
                            "Kafka topic of notifications whose last delivery attempt failed.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("guardian.alerts.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription("How far behind the newest alert time the watermark trails.");

    public static final ConfigOption<Boolean> WALL_CLOCK_WATERMARK =
            ConfigOptions.key("guardian.alerts.wall-clock-watermark")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Let the watermark follow the TaskManager clock when no alerts arrive,"
                                    + " so auto-resolves, group updates and rate-limit summaries"
                                    + " fire on time between incidents.");

    public static final ConfigOption<Duration> IDLE_CLOCK_AFTER =
            ConfigOptions.key("guardian.alerts.idle-clock-after")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "With the wall-clock watermark: how long without alerts before the"
                                    + " watermark follows the clock. While alerts flow (a backlog,"
                                    + " an incident) it follows their times only.");

    public static final ConfigOption<Integer> DELIVERY_CAPACITY =
            ConfigOptions.key("guardian.alerts.delivery-capacity")
                    .intType()
                    .defaultValue(200)
                    .withDescription(
                            "Notifications in flight per delivery subtask; beyond it the router"
                                    + " back-pressures.");

    public static final ConfigOption<String> DELIVERY_LEDGER =
            ConfigOptions.key("guardian.alerts.delivery-ledger")
                    .stringType()
                    .defaultValue("elasticsearch")
                    .withDescription(
                            "Where delivered notifications are remembered across restarts:"
                                    + " 'elasticsearch' (no duplicate after a crash between"
                                    + " delivery and checkpoint) or 'none' (at-least-once).");

    public static final ConfigOption<String> LEDGER_INDEX =
            ConfigOptions.key("guardian.alerts.ledger-index")
                    .stringType()
                    .defaultValue("guardian-delivery-ledger")
                    .withDescription("Elasticsearch index of the delivery ledger.");

    public static final ConfigOption<String> ALERTS_TABLE =
            ConfigOptions.key("guardian.alerts.alerts-table")
                    .stringType()
                    .defaultValue("alerts")
                    .withDescription(
                            "ClickHouse table of alert records (infra/clickhouse/070_alerts.sql),"
                                    + " in clickhouse.database.");

    public static final ConfigOption<String> DELIVERIES_TABLE =
            ConfigOptions.key("guardian.alerts.deliveries-table")
                    .stringType()
                    .defaultValue("alert_deliveries")
                    .withDescription(
                            "ClickHouse table of delivery attempts, in clickhouse.database.");

    public static final ConfigOption<String> ALERTS_INDEX =
            ConfigOptions.key("guardian.alerts.alerts-index")
                    .stringType()
                    .defaultValue("guardian-alerts")
                    .withDescription("Elasticsearch index of alert records.");

    public static final ConfigOption<String> DELIVERIES_INDEX =
            ConfigOptions.key("guardian.alerts.deliveries-index")
                    .stringType()
                    .defaultValue("guardian-deliveries")
                    .withDescription("Elasticsearch index of delivery attempts.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("guardian.alerts.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval. Delivery does not wait for checkpoints; the"
                                    + " ClickHouse records do.");
}
