package dev.guardian.security.detect;

import static dev.guardian.security.detect.Harness.DAY;
import static dev.guardian.security.detect.Harness.MINUTE;
import static dev.guardian.security.detect.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.Detection;
import org.junit.jupiter.api.Test;

class NewTermsDetectorTest {

    private static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    private static ObjectNode call(Harness h, long time, String ip, String agent, String region) {
        ObjectNode e = h.event(time, "s3.amazonaws.com", "GetObject", "alice");
        e.put("sourceIPAddress", ip);
        e.put("userAgent", agent);
        e.put("awsRegion", region);
        return e;
    }

    @Test
    void nothingWhileLearningThenEachNewTermOnce() throws Exception {
        try (Harness h = new Harness(new NewTermsDetector(SETTINGS), new ByActor())) {
            h.send(call(h, T0, "203.0.113.10", "aws-cli/2.15.0 Python/3.11", "us-east-1"));
            h.send(call(h, T0 + DAY, "203.0.113.11", "Boto3/1.34.0 Python/3.12", "eu-west-1"));
            assertThat(h.detections()).isEmpty();

            // after the learning week: a known IP, a newer aws-cli, a known region: nothing new
            h.send(
                    call(
                            h,
                            T0 + 8 * DAY,
                            "203.0.113.10",
                            "aws-cli/2.16.1 Python/3.12",
                            "us-east-1"));
            assertThat(h.detections()).isEmpty();

            h.send(call(h, T0 + 8 * DAY + 1, "198.51.100.66", "TruffleHog", "ap-southeast-2"));
            assertThat(h.detections())
                    .extracting(Detection::getRuleId)
                    .containsExactly(
                            "guardian-new-term-sourceIp",
                            "guardian-new-term-userAgent",
                            "guardian-new-term-region");
            assertThat(h.detections().get(2).getFields())
                    .containsEntry("termValue", "ap-southeast-2");

            h.send(call(h, T0 + 8 * DAY + 2, "198.51.100.66", "TruffleHog", "ap-southeast-2"));
            assertThat(h.detections()).hasSize(3);
        }
    }

    @Test
    void awsServiceAddressesAreNotTerms() {
        assertThat(NewTermsDetector.product("S3 Browser 11.5.7 https://s3browser.com"))
                .isEqualTo("S3 Browser");
        assertThat(NewTermsDetector.product("[aws-cli/2.15.0 Python/3.11]")).isEqualTo("aws-cli");
        assertThat(NewTermsDetector.product("AWS Internal")).isNull();
    }

    @Test
    void termsUnseenForTheRetentionAreForgotten() throws Exception {
        try (Harness h = new Harness(new NewTermsDetector(SETTINGS), new ByActor())) {
            h.send(call(h, T0, "203.0.113.10", "aws-cli/2.15.0", "us-east-1"));
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);
            h.send(call(h, T0 + 20 * DAY, "203.0.113.10", "aws-cli/2.15.0", "us-east-1"));
            h.watermark(T0 + 60 * DAY);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    /** 2024-05-09T00:00:00Z: the first midnight after the learning week that starts at T0. */
    private static final long MIDNIGHT = T0 - 10 * 60 * MINUTE + 8 * DAY;

    private static final long RETENTION = SETTINGS.newTermsRetention().toMillis();

    @Test
    void aTermIsNotForgottenBeforeTheRetentionSinceItsRealLastSighting() throws Exception {
        try (Harness h = new Harness(new NewTermsDetector(SETTINGS), new ByActor())) {
            h.send(call(h, T0, "203.0.113.10", "aws-cli/2.15.0", "us-east-1"));
            long t1 = MIDNIGHT - 40 * MINUTE;
            h.send(call(h, t1, "198.51.100.7", "aws-cli/2.15.0", "us-east-1"));
            h.send(call(h, t1 + MINUTE, "198.51.100.8", "aws-cli/2.15.0", "us-east-1"));
            // seen again within the hour: its stored last-seen time stays at t1
            h.send(call(h, t1 + 50 * MINUTE, "198.51.100.7", "aws-cli/2.15.0", "us-east-1"));
            // keeps the principal known, so it does not go back to learning
            h.send(call(h, t1 + 2 * DAY, "203.0.113.20", "aws-cli/2.15.0", "us-east-1"));
            assertThat(h.detections()).hasSize(3);

            // past the first midnight after t1 + retention, 5 minutes short of the retention
            // since the real last sighting of .7: still known
            long back = t1 + RETENTION + 45 * MINUTE;
            h.watermark(back);
            h.send(call(h, back, "198.51.100.7", "aws-cli/2.15.0", "us-east-1"));
            assertThat(h.detections()).hasSize(3);

            // a day later .8, unseen since t1 + 1 minute, is forgotten: new again
            h.watermark(back + DAY);
            h.send(call(h, back + DAY, "198.51.100.8", "aws-cli/2.15.0", "us-east-1"));
            assertThat(h.detections())
                    .extracting(d -> d.getFields().get("termValue"))
                    .containsExactly(
                            "198.51.100.7", "198.51.100.8", "203.0.113.20", "198.51.100.8");
        }
    }

    @Test
    void aTermSeenAgainWithinTheHourIsNotWrittenAgain() throws Exception {
        try (Harness h = new Harness(new NewTermsDetector(SETTINGS), new ByActor())) {
            // 70 and 50 minutes before midnight: written again, the second would expire a day later
            h.send(call(h, MIDNIGHT - 70 * MINUTE, "203.0.113.10", "aws-cli/2.15.0", "us-east-1"));
            h.send(call(h, MIDNIGHT - 50 * MINUTE, "203.0.113.10", "aws-cli/2.15.0", "us-east-1"));
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);
            h.send(call(h, MIDNIGHT - 10 * MINUTE, "203.0.113.10", "aws-cli/2.15.0", "us-east-1"));
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(2);
        }
    }

    @Test
    void aPrincipalWithoutTermsIsForgottenToo() throws Exception {
        try (Harness h = new Harness(new NewTermsDetector(SETTINGS), new ByActor())) {
            // AWS acting for the principal, no region: no terms, only its first-seen time
            h.send(call(h, T0, "AWS Internal", "AWS Internal", null));
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);
            h.watermark(T0 + 60 * DAY);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }
}
