package dev.guardian.security;

import dev.guardian.schemas.DetectionLevel;
import dev.guardian.schemas.Topic;
import dev.guardian.security.detect.DetectionSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Typed options of the security job; every one has a default that suits the local stack. */
public final class SecurityJobOptions {

    private SecurityJobOptions() {}

    /** The compacted topic of rule files (key: file name, value: YAML; empty value removes). */
    public static final String RULES_TOPIC_NAME = "guardian.rules";

    public static final ConfigOption<String> INPUT_TOPIC =
            ConfigOptions.key("guardian.security.topic")
                    .stringType()
                    .defaultValue(Topic.SECURITY_EVENTS.topicName())
                    .withDescription(
                            "Kafka topic of security events: CloudTrail records as they are"
                                    + " (single, or a {\"Records\": [...]} envelope) or"
                                    + " SecurityEvent Avro.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC =
            ConfigOptions.key("guardian.security.dead-letter-topic")
                    .stringType()
                    .defaultValue(Topic.SECURITY_EVENTS.deadLetterTopicName())
                    .withDescription("Kafka topic receiving records that cannot be read.");

    public static final ConfigOption<String> RULES_DIR =
            ConfigOptions.key("guardian.security.rules-dir")
                    .stringType()
                    .defaultValue("rules")
                    .withDescription(
                            "Directory of Sigma rules (.yml/.yaml, searched recursively), read"
                                    + " when the job is built (by the JobManager when submitted"
                                    + " through the REST API: give an absolute path). Every rule"
                                    + " that cannot run is reported with file and line. Empty:"
                                    + " rules from the rules topic only.");

    public static final ConfigOption<String> RULES_TOPIC =
            ConfigOptions.key("guardian.security.rules-topic")
                    .stringType()
                    .defaultValue(RULES_TOPIC_NAME)
                    .withDescription(
                            "Compacted Kafka topic of rule changes while the job runs: key = rule"
                                    + " file name (the same name as in the rules directory"
                                    + " replaces that file), value = its YAML, empty or null"
                                    + " removes it. Read from the beginning by a new job;"
                                    + " kept in broadcast state across restores.");

    public static final ConfigOption<String> DETECTIONS_TOPIC =
            ConfigOptions.key("guardian.security.detections-topic")
                    .stringType()
                    .defaultValue(Topic.DETECTIONS.topicName())
                    .withDescription(
                            "Kafka topic of Detection records (Avro, key = detection id).");

    public static final ConfigOption<DeliveryGuarantee> DETECTIONS_DELIVERY =
            ConfigOptions.key("guardian.security.detections-delivery")
                    .enumType(DeliveryGuarantee.class)
                    .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
                    .withDescription(
                            "exactly-once: detections and alerts become visible to read_committed"
                                    + " consumers at each checkpoint (latency up to the"
                                    + " checkpoint interval plus its duration). at-least-once:"
                                    + " visible at once; a restore may repeat some, with the same"
                                    + " ids and fingerprints.");

    public static final ConfigOption<String> ALERTS_TOPIC =
            ConfigOptions.key("guardian.security.alerts-topic")
                    .stringType()
                    .defaultValue(Topic.ALERTS.topicName())
                    .withDescription("Kafka topic of Alert records (Avro, key = fingerprint).");

    public static final ConfigOption<String> DETECTIONS_INDEX =
            ConfigOptions.key("guardian.security.detections-index")
                    .stringType()
                    .defaultValue("guardian-detections")
                    .withDescription(
                            "Elasticsearch index of detections with their matching events"
                                    + " (template"
                                    + " infra/elasticsearch/templates/guardian-detections.json).");

    public static final ConfigOption<Integer> MAX_MESSAGE_BYTES =
            ConfigOptions.key("guardian.security.max-message-bytes")
                    .intType()
                    .defaultValue(4 << 20)
                    .withDescription(
                            "Largest message (a record or a Records envelope) accepted; larger"
                                    + " ones go to the dead-letter topic.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("guardian.security.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "How late events may arrive; detections judged in event time (brute"
                                    + " force, trail not resumed) wait this long.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("guardian.security.idleness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "A source partition silent this long no longer holds back event time.");

    public static final ConfigOption<Duration> MAX_FUTURE_SKEW =
            ConfigOptions.key("guardian.security.max-future-skew")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Events stamped further ahead of the TaskManager's clock are still"
                                    + " matched but do not move event time: one wrong clock"
                                    + " would make every later event late.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("guardian.security.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Exactly-once outputs (Kafka detections and alerts, ClickHouse)"
                                    + " become visible at checkpoints: this bounds detection"
                                    + " latency. The job's state is small, so checkpoints are"
                                    + " cheap.");

    public static final ConfigOption<Duration> SUPPRESSION_WINDOW =
            ConfigOptions.key("guardian.security.suppression.window")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "After a detection, repeats of the same rule for the same group-by"
                                    + " value within this event-time window are suppressed; the"
                                    + " first detection is re-issued (same id) with the count of"
                                    + " repeats when the window closes. 0 disables suppression.");

    public static final ConfigOption<List<String>> SUPPRESSION_FIELDS =
            ConfigOptions.key("guardian.security.suppression.group-by")
                    .stringType()
                    .asList()
                    .defaultValues("accountId", "actor")
                    .withDescription(
                            "Detection fields that identify a repeat of a single-event rule"
                                    + " (rules with their own group-by, like correlations and"
                                    + " the stateful detectors, use that).");

    public static final ConfigOption<DetectionLevel> ALERT_MIN_LEVEL =
            ConfigOptions.key("guardian.security.alert-min-level")
                    .enumType(DetectionLevel.class)
                    .defaultValue(DetectionLevel.MEDIUM)
                    .withDescription(
                            "Detections of rules at this level or above also raise an alert"
                                    + " (Sigma: medium is to be reviewed, high to alert); all"
                                    + " are kept in Kafka, ClickHouse and Elasticsearch.");

    public static final ConfigOption<String> GRAFANA_URL =
            ConfigOptions.key("guardian.security.grafana-url")
                    .stringType()
                    .defaultValue("http://127.0.0.1:3000")
                    .withDescription("Grafana base URL used in the links of alerts.");

    public static final ConfigOption<Integer> BRUTE_FORCE_FAILURES =
            ConfigOptions.key("guardian.security.brute-force.failures")
                    .intType()
                    .defaultValue(DetectionSettings.defaults().bruteForceFailures())
                    .withDescription(
                            "Failed console logins of one principal that, followed by a success,"
                                    + " make a brute force.");

    public static final ConfigOption<Duration> BRUTE_FORCE_WINDOW =
            ConfigOptions.key("guardian.security.brute-force.window")
                    .durationType()
                    .defaultValue(DetectionSettings.defaults().bruteForceWindow())
                    .withDescription("How far before the success the failures count.");

    public static final ConfigOption<Duration> NEW_TERMS_LEARNING =
            ConfigOptions.key("guardian.security.new-terms.learning")
                    .durationType()
                    .defaultValue(DetectionSettings.defaults().newTermsLearning())
                    .withDescription(
                            "A principal's source IPs, user agents and regions are learnt for"
                                    + " this long (event time) before new ones are reported.");

    public static final ConfigOption<Duration> NEW_TERMS_RETENTION =
            ConfigOptions.key("guardian.security.new-terms.retention")
                    .durationType()
                    .defaultValue(DetectionSettings.defaults().newTermsRetention())
                    .withDescription("A term not seen for this long is forgotten.");

    public static final ConfigOption<Integer> ACCESS_DENIED_BURST =
            ConfigOptions.key("guardian.security.access-denied.burst")
                    .intType()
                    .defaultValue(DetectionSettings.defaults().accessDeniedBurst())
                    .withDescription("Access-denied errors of one principal that make a burst.");

    public static final ConfigOption<Duration> ACCESS_DENIED_WINDOW =
            ConfigOptions.key("guardian.security.access-denied.window")
                    .durationType()
                    .defaultValue(DetectionSettings.defaults().accessDeniedWindow())
                    .withDescription("Window of the access-denied burst.");

    public static final ConfigOption<Duration> TRAIL_RESTART_GRACE =
            ConfigOptions.key("guardian.security.trail-restart-grace")
                    .durationType()
                    .defaultValue(DetectionSettings.defaults().trailRestartGrace())
                    .withDescription(
                            "CloudTrail logging still stopped this long after StopLogging is a"
                                    + " detection.");

    /** The stateful detectors' thresholds and windows from the configuration. */
    public static DetectionSettings detectionSettings(Configuration conf) {
        return new DetectionSettings(
                conf.get(BRUTE_FORCE_FAILURES),
                conf.get(BRUTE_FORCE_WINDOW),
                conf.get(NEW_TERMS_LEARNING),
                conf.get(NEW_TERMS_RETENTION),
                conf.get(ACCESS_DENIED_BURST),
                conf.get(ACCESS_DENIED_WINDOW),
                conf.get(TRAIL_RESTART_GRACE));
    }
}
