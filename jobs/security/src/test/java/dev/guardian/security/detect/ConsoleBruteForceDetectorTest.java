package dev.guardian.security.detect;

import static dev.guardian.security.detect.Harness.MINUTE;
import static dev.guardian.security.detect.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

class ConsoleBruteForceDetectorTest {

    private static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    private static ObjectNode login(Harness h, long time, String user, boolean success) {
        ObjectNode e = h.event(time, "signin.amazonaws.com", "ConsoleLogin", user);
        e.put("eventType", "AwsConsoleSignIn");
        e.putObject("responseElements").put("ConsoleLogin", success ? "Success" : "Failure");
        if (!success) {
            e.put("errorMessage", "Failed authentication");
            // failed logins carry no ARN, only the account and user name
            ((ObjectNode) e.get("userIdentity")).remove("arn");
        }
        return e;
    }

    private static Harness harness() throws Exception {
        return new Harness(new ConsoleBruteForceDetector(SETTINGS), new LoginPrincipal());
    }

    @Test
    void failuresThenSuccessForTheSamePrincipal() throws Exception {
        try (Harness h = harness()) {
            for (int i = 0; i < 6; i++) {
                h.send(login(h, T0 + i * MINUTE, "alice", false));
            }
            h.send(login(h, T0 + 1 * MINUTE, "bob", false));
            assertThat(h.detections()).isEmpty();
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(2);

            h.send(login(h, T0 + 7 * MINUTE, "alice", true));
            assertThat(h.detections()).as("judged once event time passes the success").isEmpty();
            h.watermark(T0 + 7 * MINUTE);

            assertThat(h.detections())
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getRuleId())
                                        .isEqualTo(ConsoleBruteForceDetector.RULE_ID);
                                assertThat(d.getLevel()).isEqualTo(DetectionLevel.HIGH);
                                assertThat(d.getGroupBy())
                                        .containsEntry("principal", "111122223333:alice");
                                // all 6 failures in the window + the success
                                assertThat(d.getMatchedEventIds()).hasSize(7);
                                assertThat(d.getWindowStart().toEpochMilli()).isEqualTo(T0);
                                assertThat(d.getTags()).contains("attack.t1110");
                            });
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1); // bob's failure only
        }
    }

    @Test
    void tooFewOrTooOldFailuresAreNothing() throws Exception {
        try (Harness h = harness()) {
            for (int i = 0; i < 4; i++) {
                h.send(login(h, T0 + i * MINUTE, "alice", false));
            }
            h.send(login(h, T0 + 5 * MINUTE, "alice", true));
            for (int i = 0; i < 5; i++) {
                h.send(login(h, T0 + 10 * MINUTE + i * MINUTE, "carol", false));
            }
            h.send(login(h, T0 + 40 * MINUTE, "carol", true));
            h.watermark(T0 + 60 * MINUTE);
            assertThat(h.detections()).isEmpty();
        }
    }

    @Test
    void failuresArrivingAfterTheSuccessStillCount() throws Exception {
        try (Harness h = harness()) {
            h.send(login(h, T0 + 10 * MINUTE, "alice", true));
            for (int i = 0; i < 5; i++) {
                h.send(login(h, T0 + i * MINUTE, "alice", false));
            }
            h.send(login(h, T0 + 11 * MINUTE, "alice", false)); // after the success: not counted
            h.watermark(T0 + 10 * MINUTE);
            assertThat(h.detections())
                    .singleElement()
                    .satisfies(d -> assertThat(d.getMatchedEventIds()).hasSize(6));
        }
    }

    @Test
    void expiredFailuresLeaveNoStateOrTimers() throws Exception {
        try (Harness h = harness()) {
            h.send(login(h, T0, "alice", false));
            h.send(login(h, T0 + MINUTE, "alice", false));
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(2);
            h.watermark(T0 + 20 * MINUTE);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void survivesRestore() throws Exception {
        try (Harness h = harness()) {
            for (int i = 0; i < 5; i++) {
                h.send(login(h, T0 + i * MINUTE, "alice", false));
            }
            OperatorSubtaskState snapshot = h.harness.snapshot(1, T0 + 5 * MINUTE);
            h.harness.close();
            h.harness = h.open(snapshot);
            h.send(login(h, T0 + 6 * MINUTE, "alice", true));
            h.watermark(T0 + 6 * MINUTE);
            assertThat(h.detections()).hasSize(1);
            Detection d = h.detections().get(0);
            assertThat(d.getId()).hasSize(32);
        }
    }
}
