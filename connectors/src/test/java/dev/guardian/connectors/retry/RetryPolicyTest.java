package dev.guardian.connectors.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = RetryPolicy.of(5, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(policy.backoffBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBeforeRetry(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffBeforeRetry(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffBeforeRetry(5)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void retriesOutsideTheBudgetHaveNoBackoff() {
        RetryPolicy policy = RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(1));

        assertThatThrownBy(() -> policy.backoffBeforeRetry(3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.backoffBeforeRetry(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.of(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
