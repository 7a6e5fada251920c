package dev.guardian.connectors.clickhouse;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Options of the ClickHouse sinks, all under {@code clickhouse.}; batching and retries are the
 * shared {@link dev.guardian.connectors.common.SinkOptions} under the same prefix (e.g. {@code
 * clickhouse.batch.size}).
 */
public final class ClickHouseOptions {

    public static final String PREFIX = "clickhouse.";

    public static final ConfigOption<String> URL =
            ConfigOptions.key("clickhouse.url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:8123")
                    .withDescription("ClickHouse HTTP interface, e.g. http://host:8123.");

    public static final ConfigOption<String> DATABASE =
            ConfigOptions.key("clickhouse.database")
                    .stringType()
                    .defaultValue("guardian")
                    .withDescription("Database of tables named without one.");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("clickhouse.username")
                    .stringType()
                    .defaultValue("default")
                    .withDescription("User to connect as.");

    public static final ConfigOption<String> PASSWORD =
            ConfigOptions.key("clickhouse.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Password; pass it from the environment or a secrets file, never"
                                    + " from a file in the repository. Never logged.");

    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE =
            ConfigOptions.key("clickhouse.delivery-guarantee")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
                    .withDescription(
                            "EXACTLY_ONCE: rows are held until a checkpoint and committed with"
                                    + " insert_deduplication_tokens (tables need"
                                    + " non_replicated_deduplication_window). AT_LEAST_ONCE:"
                                    + " rows are sent on size/interval and at checkpoints;"
                                    + " ReplacingMergeTree keys absorb replays.");

    public static final ConfigOption<String> DEDUP_TOKEN_PREFIX =
            ConfigOptions.key("clickhouse.dedup-token-prefix")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Job-scoped prefix of the insert_deduplication_tokens in"
                                    + " EXACTLY_ONCE mode; keep it stable across upgrades of the"
                                    + " same job and distinct between jobs writing one table."
                                    + " Defaults to the table name.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("clickhouse.request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("Longest wait for one insert before it counts as failed.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOptions.key("clickhouse.connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Longest wait for a TCP connection.");

    private ClickHouseOptions() {}
}
