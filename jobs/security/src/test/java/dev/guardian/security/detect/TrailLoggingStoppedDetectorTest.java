package dev.guardian.security.detect;

import static dev.guardian.security.detect.Harness.MINUTE;
import static dev.guardian.security.detect.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.schemas.DetectionLevel;
import org.junit.jupiter.api.Test;

class TrailLoggingStoppedDetectorTest {

    private static ObjectNode trail(Harness h, long time, String name, String trail) {
        ObjectNode e = h.event(time, "cloudtrail.amazonaws.com", name, "alice");
        e.putObject("requestParameters").put("name", trail);
        return e;
    }

    private static Harness harness() throws Exception {
        return new Harness(
                new TrailLoggingStoppedDetector(DetectionSettings.defaults()),
                TrailLoggingStoppedDetector.BY_TRAIL);
    }

    @Test
    void stoppedAndNotResumedIsCritical() throws Exception {
        try (Harness h = harness()) {
            h.send(
                    trail(
                            h,
                            T0,
                            "StopLogging",
                            "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail"));
            h.watermark(T0 + 14 * MINUTE);
            assertThat(h.detections()).isEmpty();
            h.watermark(T0 + 15 * MINUTE);
            assertThat(h.detections())
                    .singleElement()
                    .satisfies(
                            d -> {
                                assertThat(d.getLevel()).isEqualTo(DetectionLevel.CRITICAL);
                                assertThat(d.getGroupBy())
                                        .containsEntry("trail", "111122223333/org-trail");
                            });
            assertThat(h.harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void aMaintenanceRestartIsNothing() throws Exception {
        try (Harness h = harness()) {
            h.send(trail(h, T0, "StopLogging", "org-trail"));
            h.send(
                    trail(
                            h,
                            T0 + 3 * MINUTE,
                            "StartLogging",
                            "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail"));
            h.watermark(T0 + 60 * MINUTE);
            assertThat(h.detections()).isEmpty();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aStartDeliveredBeforeItsStopIsNothing() throws Exception {
        try (Harness h = harness()) {
            h.send(trail(h, T0 + 3 * MINUTE, "StartLogging", "org-trail"));
            h.send(trail(h, T0, "StopLogging", "org-trail"));
            h.watermark(T0 + 60 * MINUTE);
            assertThat(h.detections()).isEmpty();
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aDeniedStopIsNothing() throws Exception {
        try (Harness h = harness()) {
            ObjectNode stop = trail(h, T0, "StopLogging", "org-trail");
            stop.put("errorCode", "AccessDenied");
            h.send(stop);
            h.watermark(T0 + 60 * MINUTE);
            assertThat(h.detections()).isEmpty();
        }
    }
}
