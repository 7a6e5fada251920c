package dev.guardian.security;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.alert.DetectionAlerts;
import dev.guardian.security.correlation.CorrelationInput;
import dev.guardian.security.correlation.CorrelationResult;
import dev.guardian.security.correlation.SigmaCorrelator;
import dev.guardian.security.detect.AccessDeniedBurstDetector;
import dev.guardian.security.detect.ByActor;
import dev.guardian.security.detect.ConsoleBruteForceDetector;
import dev.guardian.security.detect.DetectionSettings;
import dev.guardian.security.detect.LoginPrincipal;
import dev.guardian.security.detect.NewTermsDetector;
import dev.guardian.security.detect.TrailLoggingStoppedDetector;
import dev.guardian.security.rules.RuleBook;
import dev.guardian.security.rules.RuleUpdate;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.suppress.SuppressRepeats;
import dev.guardian.security.suppress.SuppressionKey;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The security job's dataflow: decode and normalize CloudTrail → Sigma rules (single-event
 * detections, and correlation inputs keyed by group into {@link SigmaCorrelator}) and the stateful
 * detectors, each keyed by what it is about → one detection stream → repeats suppressed per rule
 * and group-by value → detections and alerts; bad records → dead letters. No I/O here: sources and
 * sinks are arguments. The input must carry event timestamps and watermarks: the Kafka source
 * stamps records with {@link SecurityEventTime} and {@link
 * dev.guardian.common.kafka.RawRecordWatermarks}.
 */
public final class SecurityJob {

    public static final String NAME = "guardian-security";

    private SecurityJob() {}

    /**
     * @param ruleUpdates rule files added, changed or removed while the job runs
     * @param rules Sigma rule YAML by source name (see {@link SigmaRuleLoader#parse})
     */
    public static void defineWorkflow(
            Configuration conf,
            DataStream<RawRecord> input,
            DataStream<RuleUpdate> ruleUpdates,
            Map<String, String> rules,
            DetectionSettings settings,
            SecuritySinks sinks) {
        SingleOutputStreamOperator<SecurityEvent> decoded =
                input.process(
                                new DecodeSecurityEvents(
                                        conf.get(SecurityJobOptions.MAX_MESSAGE_BYTES)),
                                AvroRecordTypeInfo.forRecord(SecurityEvent.class))
                        .name("Decode and normalize CloudTrail")
                        .uid("security-decode");
        sinks.deadLetters(decoded.getSideOutput(DeadLetters.tag()));

        // event time and watermarks come from the source, per Kafka partition (SecurityJobMain)
        DataStream<SecurityEvent> events = decoded;
        sinks.events(events);

        BroadcastStream<RuleUpdate> ruleBook =
                ruleUpdates
                        .assignTimestampsAndWatermarks(RuleBook.watermarks())
                        .name("Rule updates")
                        .uid("security-rule-updates")
                        .broadcast(RuleBook.STATE);
        SingleOutputStreamOperator<Detection> sigma =
                events.connect(ruleBook)
                        .process(
                                new SigmaMatcher(rules),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("Sigma rules")
                        .uid("security-sigma");
        DataStream<Detection> correlated =
                sigma.getSideOutput(SigmaMatcher.CORRELATION_INPUTS)
                        .keyBy(new CorrelationKey())
                        .connect(ruleBook)
                        .process(
                                new SigmaCorrelator(rules),
                                TypeInformation.of(CorrelationResult.class))
                        .name("Sigma correlations")
                        .uid("security-sigma-correlations")
                        .map(
                                new CorrelationDetection(),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("Correlation detections")
                        .uid("security-correlation-detections");

        DataStream<Detection> bruteForce =
                events.filter(new ConsoleLogins())
                        .name("Console logins")
                        .uid("security-console-logins")
                        .keyBy(new LoginPrincipal())
                        .process(
                                new ConsoleBruteForceDetector(settings),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("Console brute force then success")
                        .uid("security-console-brute-force");
        DataStream<Detection> newTerms =
                events.keyBy(new ByActor())
                        .process(
                                new NewTermsDetector(settings),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("New terms per principal")
                        .uid("security-new-terms");
        DataStream<Detection> denied =
                events.filter(new AccessDenials())
                        .name("Access denials")
                        .uid("security-access-denials")
                        .keyBy(new ByActor())
                        .process(
                                new AccessDeniedBurstDetector(settings),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("Access-denied bursts")
                        .uid("security-access-denied-burst");
        DataStream<Detection> trail =
                events.filter(new TrailSwitches())
                        .name("CloudTrail starts and stops")
                        .uid("security-trail-switches")
                        .keyBy(TrailLoggingStoppedDetector.BY_TRAIL)
                        .process(
                                new TrailLoggingStoppedDetector(settings),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("CloudTrail logging not resumed")
                        .uid("security-trail-not-resumed");

        DataStream<Detection> all = sigma.union(correlated, bruteForce, newTerms, denied, trail);
        SuppressionKey key = new SuppressionKey(conf.get(SecurityJobOptions.SUPPRESSION_FIELDS));
        Duration window = conf.get(SecurityJobOptions.SUPPRESSION_WINDOW);
        SingleOutputStreamOperator<Detection> detections =
                all.keyBy(key)
                        .process(
                                new SuppressRepeats(
                                        window,
                                        key,
                                        new DetectionAlerts(
                                                conf.get(SecurityJobOptions.ALERT_MIN_LEVEL),
                                                conf.get(SecurityJobOptions.GRAFANA_URL),
                                                window)),
                                AvroRecordTypeInfo.forRecord(Detection.class))
                        .name("Suppress repeats per rule and group")
                        .uid("security-suppress-repeats");
        sinks.detections(detections);
        sinks.alerts(detections.getSideOutput(SuppressRepeats.ALERTS));
    }

    /**
     * Execution settings the job relies on, shared by {@link SecurityJobMain} and the benchmarks so
     * that what is measured is what runs.
     */
    public static void configure(StreamExecutionEnvironment env, Configuration conf) {
        env.enableCheckpointing(
                conf.get(SecurityJobOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        // Steps never keep or modify a record after emitting it (state keeps what it is given,
        // unchanged), so chained operators can pass objects without the defensive copy.
        env.getConfig().enableObjectReuse();
    }

    /** Keys correlation inputs by their group. */
    static final class CorrelationKey
            implements org.apache.flink.api.java.functions.KeySelector<CorrelationInput, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(CorrelationInput input) {
            return input.key;
        }
    }

    static final class ConsoleLogins implements FilterFunction<SecurityEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(SecurityEvent e) {
            return LoginPrincipal.isConsoleLogin(e);
        }
    }

    static final class AccessDenials implements FilterFunction<SecurityEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(SecurityEvent e) {
            return AccessDeniedBurstDetector.isDenied(e);
        }
    }

    static final class TrailSwitches implements FilterFunction<SecurityEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(SecurityEvent e) {
            return TrailLoggingStoppedDetector.isTrailSwitch(e);
        }
    }
}
