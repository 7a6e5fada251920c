package dev.guardian.security.detect;

import static dev.guardian.security.detect.Harness.DAY;
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
}
