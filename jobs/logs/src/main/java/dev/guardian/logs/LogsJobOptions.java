package dev.guardian.logs;

import dev.guardian.logs.anomaly.LogAnomalySettings;
import dev.guardian.logs.redact.LogRedactor;
import dev.guardian.logs.template.TemplateMinerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/** Settings of the logs job's analysis: redaction, template mining, anomaly rules. */
public final class LogsJobOptions {

    private LogsJobOptions() {}

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
