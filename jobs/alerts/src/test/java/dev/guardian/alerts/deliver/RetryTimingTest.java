package dev.guardian.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.config.RetrySettings;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryTimingTest {

    private final RetrySettings retry =
            new RetrySettings(
                    6,
                    Duration.ofMillis(500),
                    Duration.ofSeconds(4),
                    2.0,
                    0.5,
                    Duration.ofSeconds(60));

    @Test
    void backoffGrowsExponentiallyUpToItsCap() {
        assertThat(retry.backoffMillis(1, 0, 0)).isEqualTo(500);
        assertThat(retry.backoffMillis(2, 0, 0)).isEqualTo(1000);
        assertThat(retry.backoffMillis(3, 0, 0)).isEqualTo(2000);
        assertThat(retry.backoffMillis(4, 0, 0)).isEqualTo(4000);
        assertThat(retry.backoffMillis(5, 0, 0)).isEqualTo(4000);
    }

    @Test
    void jitterTakesAtMostItsShareOff() {
        assertThat(retry.backoffMillis(3, 0.999, 0)).isBetween(1000L, 1002L);
        assertThat(retry.backoffMillis(3, 0.5, 0)).isEqualTo(1500);
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCapped() {
        assertThat(retry.backoffMillis(1, 0, 3_000)).isEqualTo(3000);
        assertThat(retry.backoffMillis(4, 0, 1_000)).isEqualTo(4000);
        assertThat(retry.backoffMillis(1, 0, 600_000)).isEqualTo(60_000);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        long now = 1_714_557_600_000L;
        assertThat(RetryAfter.millis(Optional.of("2"), now)).isEqualTo(2000);
        assertThat(RetryAfter.millis(Optional.of(" 0.5 "), now)).isEqualTo(500);
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.ofInstant(
                                java.time.Instant.ofEpochMilli(now + 30_000), ZoneOffset.UTC));
        assertThat(RetryAfter.millis(Optional.of(date), now)).isEqualTo(30_000);
        assertThat(RetryAfter.millis(Optional.of("soon"), now)).isZero();
        assertThat(RetryAfter.millis(Optional.of("-5"), now)).isZero();
        assertThat(RetryAfter.millis(Optional.empty(), now)).isZero();
    }

    @Test
    void worstCaseCoversEveryAttemptAndWait() {
        RetrySettings two =
                new RetrySettings(
                        2,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        2.0,
                        0,
                        Duration.ofSeconds(5));
        assertThat(two.worstCaseMillis(Duration.ofSeconds(1))).isEqualTo(1000 + 5000 + 1000);
    }
}
