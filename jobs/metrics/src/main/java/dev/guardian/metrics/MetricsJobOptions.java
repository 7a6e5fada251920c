package dev.guardian.metrics;

import dev.guardian.schemas.Topic;
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

    public static final ConfigOption<String> DROP_METRICS =
            ConfigOptions.key("guardian.metrics.drop-metrics")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "Regular expression (Java syntax, whole name) of metric names whose"
                                    + " valid points are dropped before any output, like"
                                    + " Prometheus' relabel action 'drop'; empty keeps every"
                                    + " metric. Setting or clearing it adds or removes an operator"
                                    + " without state: a running job takes it with 'guardian"
                                    + " upgrade'.");

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

    public static final ConfigOption<String> ANOMALIES_TOPIC =
            ConfigOptions.key("guardian.metrics.anomalies-topic")
                    .stringType()
                    .defaultValue(Topic.ANOMALIES.topicName())
                    .withDescription(
                            "Kafka topic of the Anomaly records (Avro, key = anomaly id).");

    public static final ConfigOption<String> ALERTS_TOPIC =
            ConfigOptions.key("guardian.metrics.alerts-topic")
                    .stringType()
                    .defaultValue(Topic.ALERTS.topicName())
                    .withDescription(
                            "Kafka topic of the Alert state changes (Avro, key = fingerprint).");

    public static final ConfigOption<String> ANOMALIES_INDEX =
            ConfigOptions.key("guardian.metrics.anomalies-index")
                    .stringType()
                    .defaultValue("guardian-anomalies")
                    .withDescription(
                            "Elasticsearch index of the anomalies (template"
                                    + " infra/elasticsearch/templates/guardian-anomalies.json).");

    public static final ConfigOption<Integer> ANOMALY_RESOLVE_POINTS =
            ConfigOptions.key("guardian.metrics.anomaly.resolve-points")
                    .intType()
                    .defaultValue(5)
                    .withDescription(
                            "An anomaly episode ends (alert RESOLVED) after this many consecutive"
                                    + " points of the series score below the resolve score.");

    public static final ConfigOption<Double> ANOMALY_RESOLVE_SCORE =
            ConfigOptions.key("guardian.metrics.anomaly.resolve-score")
                    .doubleType()
                    .defaultValue(0.35)
                    .withDescription(
                            "Score under which a point counts as normal again. Below the"
                                    + " detector's threshold, so a series hovering at the"
                                    + " threshold does not flap between firing and resolved.");

    public static final ConfigOption<Duration> ANOMALY_RESOLVE_SILENCE =
            ConfigOptions.key("guardian.metrics.anomaly.resolve-after-silence")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "An open anomaly episode is resolved when the series sends no point"
                                    + " for this long in event time (the exporter died or the"
                                    + " host went away): nobody is left to say it is normal.");

    public static final ConfigOption<Duration> ANOMALY_STATE_TTL =
            ConfigOptions.key("guardian.metrics.anomaly.state-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "A series' detector state is dropped after this long without a point"
                                    + " (processing time), so churning series (pods, hosts) do"
                                    + " not grow state forever. 0 keeps it for ever; changing"
                                    + " between 0 and a duration needs a fresh state.");

    public static final ConfigOption<Integer> ANOMALY_MODEL_CACHE =
            ConfigOptions.key("guardian.metrics.anomaly.model-cache")
                    .intType()
                    .defaultValue(4096)
                    .withDescription(
                            "Series whose detector model each subtask keeps deserialised between"
                                    + " points (some 10-20 KB of heap each). Models reach keyed"
                                    + " state before every checkpoint and when evicted, instead of"
                                    + " at every point: with RocksDB that is most of the per-point"
                                    + " cost. 0 reads and writes state at every point.");

    public static final ConfigOption<String> GRAFANA_URL =
            ConfigOptions.key("guardian.metrics.grafana-url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:3000")
                    .withDescription("Grafana base URL used in the links of anomalies and alerts.");
}
