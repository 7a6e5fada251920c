package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.cli.SharedData;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.SecurityEventTime;
import dev.guardian.security.SecurityJob;
import dev.guardian.security.SecuritySinks;
import dev.guardian.security.cli.SecurityTraffic.Incident;
import dev.guardian.security.cli.SecurityTraffic.Timed;
import dev.guardian.security.detect.AccessDeniedBurstDetector;
import dev.guardian.security.detect.ConsoleBruteForceDetector;
import dev.guardian.security.detect.DetectionSettings;
import dev.guardian.security.rules.RuleDirectory;
import dev.guardian.security.rules.RuleUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo traffic through the security workflow with every CloudTrail rule: the injected attack is
 * what fires (brute force, denied discovery, logging stopped), and the everyday traffic raises no
 * alert.
 */
class GeneratedAttackDetectionTest {

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
        final CollectingSink<Alert> alerts = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

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

    @Test
    void theInjectedAttackIsDetectedAndEverydayTrafficRaisesNoAlert() throws Exception {
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        SecurityTraffic traffic =
                new SecurityTraffic(
                        42,
                        start,
                        10,
                        30,
                        EnumSet.allOf(Incident.class),
                        Duration.ofSeconds(20),
                        8);
        List<RawRecord> input = new ArrayList<>();
        SecurityEventTime eventTime = new SecurityEventTime(1 << 20, Duration.ofDays(10_000));
        long offset = 0;
        for (Timed t = traffic.next();
                t.time().isBefore(start.plusSeconds(240));
                t = traffic.next()) {
            RawRecord r =
                    new RawRecord(
                            t.record().toString().getBytes(StandardCharsets.UTF_8),
                            "security.events",
                            0,
                            offset++,
                            0);
            r.eventTimestamp = eventTime.extract(r);
            r.decoded = null;
            input.add(r);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Collecting sinks = new Collecting();
        SecurityJob.defineWorkflow(
                new Configuration(),
                env.fromData(input, TypeInformation.of(RawRecord.class))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(
                                RawRecordWatermarks.strategy(
                                        Duration.ofMinutes(1), Duration.ofMinutes(1)))
                        .setParallelism(1),
                env.fromData(
                        List.of(RuleUpdate.removal("none.yml")),
                        TypeInformation.of(RuleUpdate.class)),
                RuleDirectory.load(SharedData.resolve("security/sigma-cloudtrail")).sources(),
                DetectionSettings.defaults(),
                sinks);
        env.execute();

        assertThat(sinks.deadLetters.received()).isEmpty();
        assertThat(sinks.events.received()).hasSize(input.size());
        Set<String> alerted = new TreeSet<>();
        sinks.alerts.received().forEach(a -> alerted.add(a.getTitle().replaceAll(":.*", "")));
        assertThat(alerted)
                .containsExactlyInAnyOrder(
                        "Console login succeeded after repeated failures",
                        "Burst of access-denied errors",
                        "AWS ConsoleLogin Failed Authentication",
                        "AWS Successful Console Login Without MFA",
                        "AWS CloudTrail Important Change",
                        // the end of the bounded input is the end of time: still not resumed
                        "CloudTrail logging stopped and not resumed");
        assertThat(sinks.alerts.received())
                .allSatisfy(
                        a -> assertThat(a.getEntity()).containsAnyOf("alice", "management-events"));
        assertThat(sinks.detections.received())
                .extracting(Detection::getRuleId)
                .contains(ConsoleBruteForceDetector.RULE_ID, AccessDeniedBurstDetector.RULE_ID);
    }
}
