package dev.guardian.metrics;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Settings of the metrics job; every one has a default that suits the local stack. */
public final class MetricsJobOptions {

    private MetricsJobOptions() {}

    public static final ConfigOption<String> INPUT_TOPIC =
            ConfigOptions.key("guardian.metrics.topic")
                    .stringType()
                    .defaultValue("metrics.points")
                    .withDescription("Kafka topic of MetricPoint records (Avro or JSON).");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("guardian.metrics.dead-letter-topic")
                    .stringType()
                    .defaultValue("metrics.points.dlq")
                    .withDescription(
                            "Kafka topic receiving records that fail to decode or validate.");

    public static final ConfigOption<Integer> MAX_RECORD_BYTES =
            ConfigOptions.key("guardian.metrics.max-record-bytes")
                    .intType()
                    .defaultValue(1024 * 1024)
                    .withDescription("Larger records are dead-lettered without being decoded.");

    public static final ConfigOption<Integer> MAX_LABELS =
            ConfigOptions.key("guardian.metrics.max-labels")
                    .intType()
                    .defaultValue(32)
                    .withDescription(
                            "Most labels a point may carry; more usually means an unbounded"
                                    + " label (a request id) that would explode series count.");

    public static final ConfigOption<Integer> MAX_LABEL_VALUE_LENGTH =
            ConfigOptions.key("guardian.metrics.max-label-value-length")
                    .intType()
                    .defaultValue(1024)
                    .withDescription("Longest label value, in characters.");

    public static final ConfigOption<Integer> MAX_NAME_LENGTH =
            ConfigOptions.key("guardian.metrics.max-name-length")
                    .intType()
                    .defaultValue(255)
                    .withDescription("Longest metric name or label name, in characters.");

    public static final ConfigOption<Duration> MAX_FUTURE_SKEW =
            ConfigOptions.key("guardian.metrics.max-future-skew")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Points stamped further ahead of the TaskManager's clock are"
                                    + " dead-lettered: a wrong clock would hold windows open.");

    public static final ConfigOption<Duration> MAX_PAST_AGE =
            ConfigOptions.key("guardian.metrics.max-past-age")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Points older than this are dead-lettered. Raise it to backfill"
                                    + " history.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("guardian.metrics.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription(
                            "How late a point may arrive and still be in time for its minute.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("guardian.metrics.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A Kafka partition silent this long stops holding back the watermark.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("guardian.metrics.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(2))
                    .withDescription(
                            "A minute's rollup is re-emitted with a higher revision for points up"
                                    + " to this late; later points reach only the raw table.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("guardian.metrics.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Exactly-once outputs become visible at checkpoints: this bounds their"
                                    + " latency.");
}
