package dev.guardian.security.detect;

import java.io.Serializable;
import java.time.Duration;

/** Thresholds and windows of the built-in stateful detections; immutable. */
public record DetectionSettings(
        int bruteForceFailures,
        Duration bruteForceWindow,
        Duration newTermsLearning,
        Duration newTermsRetention,
        int accessDeniedBurst,
        Duration accessDeniedWindow,
        Duration trailRestartGrace)
        implements Serializable {

    /**
     * 5 failed console logins then a success within 15 minutes; new terms after 7 days of learning
     * per principal, forgotten after 30 days unseen; 20 access-denied errors within 5 minutes;
     * CloudTrail logging still off 15 minutes after it was stopped.
     */
    public static DetectionSettings defaults() {
        return new DetectionSettings(
                5,
                Duration.ofMinutes(15),
                Duration.ofDays(7),
                Duration.ofDays(30),
                20,
                Duration.ofMinutes(5),
                Duration.ofMinutes(15));
    }
}
