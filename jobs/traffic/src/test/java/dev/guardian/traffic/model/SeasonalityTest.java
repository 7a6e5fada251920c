package dev.guardian.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeasonalityTest {

    /** A Wednesday; UTC. */
    private static final Instant WEDNESDAY = Instant.parse("2026-11-18T00:00:00Z");

    private static final Instant SATURDAY = Instant.parse("2026-11-21T00:00:00Z");

    private static double loadAtHour(Instant day, double hour, int offsetMinutes) {
        long t = day.toEpochMilli() + (long) (hour * 3_600_000) - offsetMinutes * 60_000L;
        return Seasonality.load(t, offsetMinutes, 0);
    }

    @Test
    void quietestAtFourInTheMorningAndBusiestInTheAfternoon() {
        double night = loadAtHour(WEDNESDAY, 4, 0);
        double afternoon = loadAtHour(WEDNESDAY, 16, 0);

        assertThat(night).isCloseTo(Seasonality.NIGHT_FLOOR, within(1e-9));
        assertThat(afternoon).isCloseTo(1.0, within(1e-9));
        for (double h = 0; h < 24; h += 0.5) {
            assertThat(loadAtHour(WEDNESDAY, h, 0)).isBetween(night, afternoon);
        }
        // Rising through the morning, falling through the evening.
        assertThat(loadAtHour(WEDNESDAY, 9, 0)).isGreaterThan(loadAtHour(WEDNESDAY, 6, 0));
        assertThat(loadAtHour(WEDNESDAY, 21, 0)).isLessThan(loadAtHour(WEDNESDAY, 18, 0));
    }

    @Test
    void followsEachRegionsLocalTime() {
        // 16:00 in Singapore (UTC+8) is 08:00 UTC: busy there while quiet in Europe's night.
        long eightUtc = WEDNESDAY.toEpochMilli() + 8 * 3_600_000L;

        assertThat(Seasonality.load(eightUtc, 8 * 60, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(Seasonality.load(eightUtc, 0, 0)).isLessThan(0.6);
    }

    @Test
    void weekendsAreQuieterThanWeekdays() {
        assertThat(loadAtHour(SATURDAY, 16, 0))
                .isCloseTo(0.7 * loadAtHour(WEDNESDAY, 16, 0), within(1e-9));
        assertThat(loadAtHour(SATURDAY.plusSeconds(86_400), 16, 0))
                .isLessThan(loadAtHour(SATURDAY, 16, 0));
    }

    @Test
    void hasNoStepAtMidnight() {
        // Friday into Saturday changes the weekly factor; the curve must stay continuous.
        long midnight = SATURDAY.toEpochMilli();
        double before = Seasonality.load(midnight - 1_000, 0, 0);
        double after = Seasonality.load(midnight + 1_000, 0, 0);

        assertThat(after).isCloseTo(before, within(1e-3));
    }

    @Test
    void phaseShiftsTheCurve() {
        long fourPm = WEDNESDAY.toEpochMilli() + 16 * 3_600_000L;
        long fourThirtyPm = fourPm + 30 * 60_000L;

        assertThat(Seasonality.load(fourThirtyPm, 0, 30))
                .isCloseTo(Seasonality.load(fourPm, 0, 0), within(1e-12));
    }
}
