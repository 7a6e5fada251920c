package dev.guardian.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.cli.SharedData;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.schemas.Source;
import dev.guardian.security.detect.ConsoleBruteForceDetector;
import dev.guardian.security.detect.DetectionSettings;
import dev.guardian.security.detect.TrailLoggingStoppedDetector;
import dev.guardian.security.rules.RuleUpdate;
import dev.guardian.security.sigma.RuleProblem;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.suppress.SuppressRepeats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole security workflow on a mini cluster, with bounded input and collecting sinks. */
class SecurityJobWorkflowTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static class Collecting implements SecuritySinks {
        final CollectingSink<SecurityEvent> events = new CollectingSink<>();
        final CollectingSink<Detection> detections = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        final CollectingSink<Alert> alerts = new CollectingSink<>();

        @Override
        public void events(DataStream<SecurityEvent> stream) {
            stream.sinkTo(events).name("events").uid("test-events");
        }

        @Override
        public void detections(DataStream<Detection> stream) {
            stream.sinkTo(detections).name("detections").uid("test-detections");
        }

        @Override
        public void alerts(DataStream<Alert> stream) {
            stream.sinkTo(alerts).name("alerts").uid("test-alerts");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> stream) {
            stream.sinkTo(deadLetters).name("dead letters").uid("test-dead-letters");
        }
    }

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    static String login(int minute, String user, boolean success, int n) {
        return "{\"eventTime\":\""
                + T0.plusSeconds(minute * 60L)
                + "\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                + "\"eventType\":\"AwsConsoleSignIn\",\"eventID\":\"login-"
                + n
                + "\",\"recipientAccountId\":\"111122223333\",\"sourceIPAddress\":\"198.51.100.7\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"111122223333\",\"userName\":\""
                + user
                + "\""
                + (success ? ",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\"" : "")
                + "},"
                + (success ? "" : "\"errorMessage\":\"Failed authentication\",")
                + "\"additionalEventData\":{\"MFAUsed\":\"No\"},"
                + "\"responseElements\":{\"ConsoleLogin\":\""
                + (success ? "Success" : "Failure")
                + "\"}}";
    }

    static RawRecord raw(String json, long offset) {
        return new RawRecord(
                json.getBytes(StandardCharsets.UTF_8), "security.events", 0, offset, 0);
    }

    @Test
    void cloudTrailToDetectionsAndDeadLetters() throws Exception {
        List<RuleProblem> unreadable = new ArrayList<>();
        Map<String, String> rules =
                new LinkedHashMap<>(
                        SigmaRuleLoader.sources(
                                SharedData.root()
                                        .orElseThrow()
                                        .resolve("security/sigma-cloudtrail"),
                                unreadable));
        rules.put(
                "many_failed_logins.yml",
                "title: Many failed console logins\n"
                        + "id: many-failed-logins\n"
                        + "correlation:\n"
                        + "  type: event_count\n"
                        + "  rules: [ddec8b37-a3a6-4e3e-9d2b-fd7b2e1f3a39]\n"
                        + "  group-by: [userIdentity.userName]\n"
                        + "  timespan: 10m\n"
                        + "  generate: true\n"
                        + "  condition:\n"
                        + "    gte: 3\n"
                        + "level: high\n");
        String failedLoginRuleId =
                new SigmaRuleLoader()
                        .parse(rules).rules().stream()
                                .filter(
                                        r ->
                                                r.source()
                                                        .endsWith(
                                                                "aws_cloudtrail_console_login_failed_authentication.yml"))
                                .findFirst()
                                .orElseThrow()
                                .id();
        rules.put(
                "many_failed_logins.yml",
                rules.get("many_failed_logins.yml")
                        .replace("ddec8b37-a3a6-4e3e-9d2b-fd7b2e1f3a39", failedLoginRuleId));

        List<RawRecord> input = new ArrayList<>();
        long offset = 0;
        StringBuilder envelope = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 5; i++) {
            envelope.append(i == 0 ? "" : ",").append(login(i, "alice", false, i));
        }
        envelope.append(",{\"eventSource\":\"signin.amazonaws.com\"}]}");
        input.add(raw(envelope.toString(), offset++));
        input.add(raw(login(6, "alice", true, 6), offset++));
        input.add(
                raw(
                        "{\"eventTime\":\""
                                + T0.plusSeconds(600)
                                + "\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
                                + "\"eventID\":\"stop-1\",\"recipientAccountId\":\"111122223333\","
                                + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\"},"
                                + "\"requestParameters\":{\"name\":\"org-trail\"}}",
                        offset++));
        input.add(raw("{\"eventName\": \"ConsoleLogin\", \"userIdentity\": {", offset++));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Collecting sinks = new Collecting();
        Configuration conf = new Configuration();
        // stamped as the Kafka source stamps them (what the source read is not kept across the
        // bounded source's serialisation, so the decode step reads again)
        SecurityEventTime eventTime =
                new SecurityEventTime(
                        SecurityJobOptions.MAX_MESSAGE_BYTES.defaultValue(),
                        Duration.ofMinutes(10));
        input.forEach(r -> r.eventTimestamp = eventTime.extract(r));
        input.forEach(r -> r.decoded = null);
        SecurityJob.defineWorkflow(
                conf,
                env.fromData(input, TypeInformation.of(RawRecord.class))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(
                                RawRecordWatermarks.strategy(
                                        Duration.ofMinutes(1), Duration.ofMinutes(1)))
                        .setParallelism(1),
                // removing a file the job never had: a rules stream that changes nothing
                env.fromData(
                        List.of(RuleUpdate.removal("not-a-rule.yml")),
                        TypeInformation.of(RuleUpdate.class)),
                rules,
                DetectionSettings.defaults(),
                sinks);
        env.execute();

        assertThat(sinks.events.received()).hasSize(7);
        assertThat(sinks.deadLetters.received())
                .extracting(DeadLetter::getErrorMessage)
                .anySatisfy(m -> assertThat(m).contains("no eventName"))
                .anySatisfy(m -> assertThat(m).contains("invalid JSON"));

        // repeats of a rule for one principal are suppressed: the five failed logins of alice
        // give one detection, issued again (same id) with the count when its window closes
        Map<String, Long> byRule =
                sinks.detections.received().stream()
                        .collect(
                                Collectors.groupingBy(
                                        Detection::getRuleId,
                                        Collectors.mapping(
                                                Detection::getId,
                                                Collectors.collectingAndThen(
                                                        Collectors.toSet(),
                                                        ids -> (long) ids.size()))));
        assertThat(byRule)
                .containsEntry(failedLoginRuleId, 1L)
                .containsEntry("many-failed-logins", 1L)
                .containsEntry(ConsoleBruteForceDetector.RULE_ID, 1L)
                .containsEntry(TrailLoggingStoppedDetector.RULE_ID, 1L);
        assertThat(sinks.detections.received())
                .filteredOn(d -> d.getRuleId().equals(failedLoginRuleId))
                .extracting(d -> d.getFields().get(SuppressRepeats.SUPPRESSED_REPEATS))
                .containsExactlyInAnyOrder(null, "4");

        // one alert per detection that is not a repeat, severity from the level
        List<Alert> alerts = sinks.alerts.received();
        assertThat(alerts).extracting(Alert::getOriginId).doesNotHaveDuplicates();
        Alert bruteForce =
                alerts.stream()
                        .filter(
                                a ->
                                        a.getLabels()
                                                .get("rule")
                                                .equals(ConsoleBruteForceDetector.RULE_ID))
                        .findFirst()
                        .orElseThrow();
        assertThat(bruteForce.getSeverity()).isEqualTo(AlertSeverity.ERROR);
        assertThat(bruteForce.getSource()).isEqualTo(Source.SECURITY);
        assertThat(bruteForce.getEntity()).contains("alice");
        assertThat(bruteForce.getLabels())
                .containsEntry("attack_techniques", "T1110,T1078.004")
                .containsEntry("attack_tactics", "credential-access,initial-access");
        Alert trailAlert =
                alerts.stream()
                        .filter(
                                a ->
                                        a.getLabels()
                                                .get("rule")
                                                .equals(TrailLoggingStoppedDetector.RULE_ID))
                        .findFirst()
                        .orElseThrow();
        assertThat(trailAlert.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alerts)
                .filteredOn(a -> a.getLabels().get("rule").equals(failedLoginRuleId))
                .hasSize(1);
        // the CloudTrail set's own rules: logging stopped, and the success without MFA
        assertThat(sinks.detections.received())
                .extracting(Detection::getRuleTitle)
                .contains(
                        "AWS CloudTrail Important Change",
                        "AWS Successful Console Login Without MFA");
    }
}
