package dev.guardian.connectors.common;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Batching and retry options shared by every Guardian sink. Each sink reads them under its own
 * prefix (e.g. {@code clickhouse.batch.size}) through {@code fromConfig}; see the sink's options
 * class.
 */
public final class SinkOptions {

    public static final ConfigOption<Integer> BATCH_SIZE =
            ConfigOptions.key("batch.size")
                    .intType()
                    .defaultValue(5_000)
                    .withDescription("Records per request; a full batch is sent at once.");

    public static final ConfigOption<Duration> FLUSH_INTERVAL =
            ConfigOptions.key("batch.flush-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Longest time a record waits in a partial batch (at-least-once"
                                    + " mode); batches are also sent at every checkpoint.");

    public static final ConfigOption<Integer> MAX_RETRIES =
            ConfigOptions.key("retry.max-retries")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "Retries of a failed request (connection refused, 429, 5xx) before"
                                    + " the sink fails the job, which then restarts from its last"
                                    + " checkpoint.");

    public static final ConfigOption<Duration> RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("retry.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200))
                    .withDescription("Wait before the first retry; doubled for each next one.");

    public static final ConfigOption<Duration> RETRY_MAX_BACKOFF =
            ConfigOptions.key("retry.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("Longest wait between two retries.");

    private SinkOptions() {}
}
