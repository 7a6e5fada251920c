package dev.guardian.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import dev.guardian.security.rules.RuleBook;
import dev.guardian.security.rules.RuleUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Rules added, changed and removed while the job runs, through the broadcast input. */
class SigmaMatcherTest {

    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    static String rule(String level) {
        return "title: Bucket deleted\n"
                + "id: 11111111-2222-3333-4444-555555555555\n"
                + "logsource:\n  product: aws\n  service: cloudtrail\n"
                + "detection:\n  selection:\n    eventSource: s3.amazonaws.com\n"
                + "    eventName: DeleteBucket\n  condition: selection\n"
                + "level: "
                + level
                + "\ntags:\n  - attack.impact\n  - attack.t1485\n";
    }

    static SecurityEvent deleteBucket(int n) throws Exception {
        return CloudTrailNormalizer.normalize(
                CloudTrailRecords.json()
                        .readTree(
                                "{\"eventTime\":\""
                                        + T.plusSeconds(n)
                                        + "\",\"eventSource\":\"s3.amazonaws.com\","
                                        + "\"eventName\":\"DeleteBucket\",\"eventID\":\"e"
                                        + n
                                        + "\",\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/bob\"}}"));
    }

    static BroadcastOperatorTestHarness<SecurityEvent, RuleUpdate, Detection> open(
            Map<String, String> initial, OperatorSubtaskState restore) throws Exception {
        BroadcastOperatorTestHarness<SecurityEvent, RuleUpdate, Detection> h =
                new BroadcastOperatorTestHarness<>(
                        new CoBroadcastWithNonKeyedOperator<>(
                                new SigmaMatcher(initial), List.of(RuleBook.STATE)),
                        1,
                        1,
                        0);
        h.setup(
                AvroRecordTypeInfo.forRecord(Detection.class)
                        .createSerializer(new SerializerConfigImpl()));
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    static List<Detection> detections(
            BroadcastOperatorTestHarness<SecurityEvent, RuleUpdate, Detection> h) {
        return h.extractOutputValues();
    }

    @Test
    void aRuleAddedWhileRunningMatchesTheNextEventsAndARemovalStopsIt() throws Exception {
        try (var h = open(Map.of(), null)) {
            h.processElement(new StreamRecord<>(deleteBucket(1)));
            assertThat(detections(h)).isEmpty();

            h.processBroadcastElement(
                    new StreamRecord<>(new RuleUpdate("s3/bucket.yml", rule("high"))));
            h.processElement(new StreamRecord<>(deleteBucket(2)));
            assertThat(detections(h))
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getRuleTitle()).isEqualTo("Bucket deleted");
                                assertThat(d.getLevel()).isEqualTo(DetectionLevel.HIGH);
                                assertThat(d.getTags()).contains("attack.t1485");
                            });

            h.processBroadcastElement(
                    new StreamRecord<>(new RuleUpdate("s3/bucket.yml", rule("critical"))));
            h.processElement(new StreamRecord<>(deleteBucket(3)));
            assertThat(detections(h).get(1).getLevel()).isEqualTo(DetectionLevel.CRITICAL);

            h.processBroadcastElement(new StreamRecord<>(RuleUpdate.removal("s3/bucket.yml")));
            h.processElement(new StreamRecord<>(deleteBucket(4)));
            assertThat(detections(h)).hasSize(2);
        }
    }

    @Test
    void anUpdateWithTheNameOfAStartingFileReplacesIt() throws Exception {
        try (var h = open(Map.of("s3/bucket.yml", rule("low")), null)) {
            h.processBroadcastElement(
                    new StreamRecord<>(new RuleUpdate("s3/bucket.yml", rule("high"))));
            h.processElement(new StreamRecord<>(deleteBucket(1)));
            assertThat(detections(h))
                    .singleElement()
                    .satisfies(d -> assertThat(d.getLevel()).isEqualTo(DetectionLevel.HIGH));
        }
    }

    @Test
    void aBrokenUpdateLeavesTheOtherRulesRunning() throws Exception {
        try (var h = open(Map.of("s3/bucket.yml", rule("low")), null)) {
            h.processBroadcastElement(
                    new StreamRecord<>(new RuleUpdate("broken.yml", "title: [oops\n")));
            h.processElement(new StreamRecord<>(deleteBucket(1)));
            assertThat(detections(h)).hasSize(1);
        }
    }

    @Test
    void updatesSurviveSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = open(Map.of(), null)) {
            h.processBroadcastElement(
                    new StreamRecord<>(new RuleUpdate("s3/bucket.yml", rule("high"))));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = open(Map.of(), snapshot)) {
            h.processElement(new StreamRecord<>(deleteBucket(1)));
            assertThat(detections(h)).hasSize(1);
        }
    }
}
