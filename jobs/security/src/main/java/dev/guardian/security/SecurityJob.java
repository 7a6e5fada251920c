package dev.guardian.security;

import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
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
import java.util.Map;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The security job's dataflow: decode and normalize CloudTrail → event time → Sigma rules
 * (single-event detections, and correlation inputs keyed by group into {@link SigmaCorrelator}) and
 * the stateful detectors, each keyed by what it is about → one detection stream. No I/O here:
 * sources and sinks are arguments.
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

        DataStream<SecurityEvent> events =
                decoded.assignTimestampsAndWatermarks(
                                SecurityEventTimestamps.strategy(
                                        conf.get(SecurityJobOptions.OUT_OF_ORDERNESS),
                                        conf.get(SecurityJobOptions.IDLENESS)))
                        .name("Event time")
                        .uid("security-event-time");
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

        sinks.detections(sigma.union(correlated, bruteForce, newTerms, denied, trail));
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
