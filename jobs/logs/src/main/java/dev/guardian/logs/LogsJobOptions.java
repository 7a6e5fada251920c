package dev.guardian.logs;

import dev.guardian.logs.anomaly.LogAnomalySettings;
import dev.guardian.logs.decode.DecodeLimits;
import dev.guardian.logs.redact.LogRedactor;
import dev.guardian.logs.template.TemplateMinerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * Settings of the logs job: topics, decoding limits, event time, redaction, template mining,
 * anomaly rules, alerts and outputs. Every one has a default that suits the local stack.
 */
public final class LogsJobOptions {

    private LogsJobOptions() {}

    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    public static final ConfigOption<String> INPUT_TOPIC =
            ConfigOptions.key("guardian.logs.topic")
                    .stringType()
                    .defaultValue("logs.events")
                    .withDescription("Kafka topic of LogEvent records (Avro, JSON or raw text).");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("guardian.logs.dead-letter-topic")
                    .stringType()
                    .defaultValue("logs.events.dlq")
                    .withDescription(
                            "Kafka topic receiving records that cannot be log lines, and documents"
                                    + " Elasticsearch refuses for good, with the reason.");

    public static final ConfigOption<String> ANOMALIES_TOPIC =
            ConfigOptions.key("guardian.logs.anomalies-topic")
                    .stringType()
                    .defaultValue("guardian.anomalies")
                    .withDescription("Kafka topic of the log anomalies (Avro Anomaly).");

    public static final ConfigOption<String> ALERTS_TOPIC =
            ConfigOptions.key("guardian.logs.alerts-topic")
                    .stringType()
                    .defaultValue("guardian.alerts")
                    .withDescription(
                            "Kafka topic of the alerts, firing and resolved (Avro Alert).");

    public static final ConfigOption<Integer> MAX_RECORD_BYTES =
            ConfigOptions.key("guardian.logs.max-record-bytes")
                    .intType()
                    .defaultValue(LIMITS.maxRecordBytes())
                    .withDescription("Larger records are dead-lettered without being decoded.");

    public static final ConfigOption<Integer> MAX_MESSAGE_BYTES =
            ConfigOptions.key("guardian.logs.max-message-bytes")
                    .intType()
                    .defaultValue(LIMITS.maxMessageBytes())
                    .withDescription(
                            "Longer messages are cut to this many UTF-8 bytes with a marker and"
                                    + " the flag message_truncated; never dropped.");

    public static final ConfigOption<Integer> MAX_JSON_DEPTH =
            ConfigOptions.key("guardian.logs.max-json-depth")
                    .intType()
                    .defaultValue(LIMITS.maxJsonDepth())
                    .withDescription("JSON records nested deeper are dead-lettered.");

    public static final ConfigOption<Integer> MAX_ATTRIBUTES =
            ConfigOptions.key("guardian.logs.max-attributes")
                    .intType()
                    .defaultValue(LIMITS.maxAttributes())
                    .withDescription(
                            "Attributes kept per line (first by key); the rest are dropped and the"
                                    + " line flagged attributes_truncated.");

    public static final ConfigOption<Integer> MAX_ATTRIBUTE_CHARS =
            ConfigOptions.key("guardian.logs.max-attribute-chars")
                    .intType()
                    .defaultValue(LIMITS.maxAttributeChars())
                    .withDescription("Longer attribute values are cut.");

    public static final ConfigOption<Duration> MAX_FUTURE_SKEW =
            ConfigOptions.key("guardian.logs.max-future-skew")
                    .durationType()
                    .defaultValue(Duration.ofMillis(LIMITS.maxFutureSkewMillis()))
                    .withDescription(
                            "Lines stamped further ahead of the job's clock get the ingest time"
                                    + " (flag timestamp_in_future, original kept as attribute"
                                    + " log.original_timestamp): a wrong clock would hold every"
                                    + " minute open.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("guardian.logs.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "How late a line may arrive and still count in its minute's template"
                                    + " counts; later lines are still indexed and analysed.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("guardian.logs.idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A Kafka partition silent this long stops holding back event time.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("guardian.logs.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Exactly-once outputs (Kafka, ClickHouse) become visible at"
                                    + " checkpoints: this bounds their latency.");

    public static final ConfigOption<String> DATA_STREAM =
            ConfigOptions.key("guardian.logs.elasticsearch.data-stream")
                    .stringType()
                    .defaultValue("logs-guardian-default")
                    .withDescription(
                            "Elasticsearch data stream of the log lines (index template"
                                    + " infra/elasticsearch/templates/logs-guardian.json).");

    public static final ConfigOption<Boolean> DATA_STREAM_PER_SERVICE =
            ConfigOptions.key("guardian.logs.elasticsearch.data-stream-per-service")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "One data stream per service, logs-guardian.<service>-default, so"
                                    + " retention and access can differ per service.");

    public static final ConfigOption<String> ANOMALIES_INDEX =
            ConfigOptions.key("guardian.logs.elasticsearch.anomalies-index")
                    .stringType()
                    .defaultValue("guardian-anomalies")
                    .withDescription("Elasticsearch index of the anomalies, for triage.");

    public static final ConfigOption<Duration> ALERT_RESOLVE_AFTER =
            ConfigOptions.key("guardian.logs.alerts.resolve-after")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "An alert resolves after this much event time without a new anomaly"
                                    + " of its kind; a silent service's alert resolves when it"
                                    + " logs again.");

    public static final ConfigOption<String> SEARCH_URL =
            ConfigOptions.key("guardian.logs.alerts.search-url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:9200/logs-*/_search?q=")
                    .withDescription(
                            "Alerts link to their lines as this prefix followed by the URL-encoded"
                                    + " Lucene query (point it at Kibana's Discover if you have"
                                    + " one).");

    public static final ConfigOption<List<String>> REDACTION_RULES =
            ConfigOptions.key("guardian.logs.redaction.rules")
                    .stringType()
                    .asList()
                    .defaultValues(
                            "email", "credit_card", "aws_key", "bearer_token", "url_password")
                    .withDescription(
                            "Built-in redaction rules applied to messages and attribute values"
                                    + " before anything is stored; an empty list turns them off.");

    public static final ConfigOption<Map<String, String>> REDACTION_CUSTOM =
            ConfigOptions.key("guardian.logs.redaction.custom")
                    .mapType()
                    .defaultValue(Map.of())
                    .withDescription(
                            "More redaction rules, name:regex (Java syntax); each match becomes"
                                    + " [REDACTED:name].");

    public static final ConfigOption<Integer> MAX_TEMPLATES =
            ConfigOptions.key("guardian.logs.templates.max-per-service")
                    .intType()
                    .defaultValue(TemplateMinerConfig.DEFAULT_MAX_TEMPLATES)
                    .withDescription(
                            "Live templates kept per service; past it the least recently seen is"
                                    + " evicted (its id stays valid and comes back if it recurs).");

    public static final ConfigOption<Integer> GENERALISE_AFTER =
            ConfigOptions.key("guardian.logs.templates.generalise-after")
                    .intType()
                    .defaultValue(TemplateMinerConfig.DEFAULT_GENERALISE_AFTER)
                    .withDescription(
                            "Distinct words a position must show before it becomes a variable.");

    public static final ConfigOption<Integer> MIN_CONTEXT_WORDS =
            ConfigOptions.key("guardian.logs.templates.min-context-words")
                    .intType()
                    .defaultValue(TemplateMinerConfig.DEFAULT_MIN_CONTEXT_WORDS)
                    .withDescription(
                            "Other constant words a template needs for a word position to"
                                    + " become a variable.");

    public static final ConfigOption<Integer> MAX_TOKENS =
            ConfigOptions.key("guardian.logs.templates.max-tokens")
                    .intType()
                    .defaultValue(TemplateMinerConfig.DEFAULT_MAX_TOKENS)
                    .withDescription(
                            "Tokens of a message used for mining; the rest is a variable.");

    public static final ConfigOption<Duration> TEMPLATE_STATE_FLUSH =
            ConfigOptions.key("guardian.logs.templates.state-flush-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Longest processing time a service's template counts stay only in"
                                    + " memory; template changes are written to state at once.");

    public static final ConfigOption<Duration> NOVELTY_LEARNING_PERIOD =
            ConfigOptions.key("guardian.logs.anomaly.novel-template.learning-period")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "From a service's first line, new templates are learnt, not reported.");

    public static final ConfigOption<Duration> SILENCE =
            ConfigOptions.key("guardian.logs.anomaly.silence")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("Event time without a line after which a service is silent.");

    public static final ConfigOption<Duration> IDLE_STATE =
            ConfigOptions.key("guardian.logs.anomaly.idle-state")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "Anomaly state of a service or template is dropped after this.");

    public static DecodeLimits decodeLimits(Configuration conf) {
        return new DecodeLimits(
                conf.get(MAX_RECORD_BYTES),
                conf.get(MAX_MESSAGE_BYTES),
                conf.get(MAX_JSON_DEPTH),
                conf.get(MAX_ATTRIBUTES),
                conf.get(MAX_ATTRIBUTE_CHARS),
                conf.get(MAX_FUTURE_SKEW).toMillis());
    }

    public static TemplateMinerConfig minerConfig(Configuration conf) {
        return TemplateMinerConfig.defaults()
                .withMaxTemplates(conf.get(MAX_TEMPLATES))
                .withGeneraliseAfter(conf.get(GENERALISE_AFTER))
                .withMinContextWords(conf.get(MIN_CONTEXT_WORDS))
                .withMaxTokens(conf.get(MAX_TOKENS));
    }

    public static LogRedactor redactor(Configuration conf) {
        return LogRedactor.configured(conf.get(REDACTION_RULES), conf.get(REDACTION_CUSTOM));
    }

    public static LogAnomalySettings anomalySettings(Configuration conf) {
        return LogAnomalySettings.defaults()
                .withLearningPeriod(conf.get(NOVELTY_LEARNING_PERIOD))
                .withSilence(conf.get(SILENCE))
                .withIdleState(conf.get(IDLE_STATE));
    }
}
