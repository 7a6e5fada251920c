package dev.guardian.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricTrafficTest {

    private static final long START = 1_700_000_000_000L;

    @Test
    void visitsEverySeriesInTurnAtTheRate() {
        Fleet fleet = new Fleet(50, 1);
        MetricTraffic traffic =
                new MetricTraffic(
                        new MetricTrafficModel(fleet, 1, START, Optional.empty()), START, 1_000);

        GeneratedPoint first = traffic.next();
        for (int i = 1; i < 50; i++) {
            traffic.next();
        }
        GeneratedPoint again = traffic.next();

        assertThat(first.series().index()).isZero();
        assertThat(first.timestampMillis()).isEqualTo(START);
        assertThat(again.series()).isSameAs(first.series());
        assertThat(again.timestampMillis()).isEqualTo(START + 50);
        assertThat(traffic.seriesInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(traffic.produced()).isEqualTo(51);
    }

    @Test
    void timestampsDoNotDriftAtFractionalRates() {
        Fleet fleet = new Fleet(7, 1);
        MetricTraffic traffic =
                new MetricTraffic(
                        new MetricTrafficModel(fleet, 1, START, Optional.empty()), START, 3);

        assertThat(traffic.timestampOf(3)).isEqualTo(START + 1_000);
        assertThat(traffic.timestampOf(3 * 86_400)).isEqualTo(START + 86_400_000);
        assertThat(traffic.timestampOf(1)).isEqualTo(START + 333);
    }
}
