package dev.guardian.security.detect;

import static dev.guardian.security.detect.Harness.MINUTE;
import static dev.guardian.security.detect.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessDeniedBurstDetectorTest {

    private static final DetectionSettings SETTINGS =
            new DetectionSettings(
                    5,
                    Duration.ofMinutes(15),
                    Duration.ofDays(7),
                    Duration.ofDays(30),
                    5,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15));

    private static ObjectNode denied(Harness h, long time, String user, String code) {
        ObjectNode e = h.event(time, "iam.amazonaws.com", "ListUsers", user);
        e.put("errorCode", code);
        e.put("errorMessage", "User is not authorized to perform: iam:ListUsers");
        return e;
    }

    @Test
    void aBurstReportsOnceAndSpreadOutDenialsDoNot() throws Exception {
        try (Harness h = new Harness(new AccessDeniedBurstDetector(SETTINGS), new ByActor())) {
            String[] codes = {
                "AccessDenied",
                "Client.UnauthorizedOperation",
                "AccessDeniedException",
                "UnauthorizedOperation",
                "AccessDenied",
                "AccessDenied"
            };
            for (int i = 0; i < 6; i++) {
                h.send(denied(h, T0 + i * 10_000L, "mallory", codes[i]));
            }
            h.send(h.event(T0, "iam.amazonaws.com", "ListUsers", "mallory")); // succeeded: ignored
            for (int i = 0; i < 6; i++) {
                h.send(denied(h, T0 + i * 2 * MINUTE, "alice", "AccessDenied"));
            }
            assertThat(h.detections())
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getRuleId())
                                        .isEqualTo(AccessDeniedBurstDetector.RULE_ID);
                                assertThat(d.getGroupBy())
                                        .containsEntry(
                                                "actor", "arn:aws:iam::111122223333:user/mallory");
                                assertThat(d.getMatchedEventIds()).hasSize(5);
                            });
            h.watermark(T0 + 60 * MINUTE);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }
}
