package dev.guardian.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.traffic.replay.ReplayPlan.ReplayPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPlanTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long MINUTE = 60_000;

    private static ReplayFile file(String name, long... times) {
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            values[i] = i + 1;
        }
        return new ReplayFile(Path.of(name), name, times, values, 0);
    }

    private static List<ReplayPoint> all(ReplayPlan plan) {
        List<ReplayPoint> points = new ArrayList<>();
        plan.forEach(points::add);
        return points;
    }

    @Test
    void shiftsEachFileToEndNowKeepingItsSpacing() {
        ReplayFile old = file("data/old.csv", 0, 30 * MINUTE, 90 * MINUTE);

        List<ReplayPoint> points =
                all(ReplayPlan.of(List.of(old), Optional.empty(), Map.of(), true, NOW));

        assertThat(points)
                .extracting(ReplayPoint::timestampMillis)
                .containsExactly(NOW - 90 * MINUTE, NOW - 60 * MINUTE, NOW);
        assertThat(points).extracting(ReplayPoint::value).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void keepsTimestampsWhenNotShifted() {
        ReplayFile old = file("old.csv", 0, 30 * MINUTE);

        List<ReplayPoint> points =
                all(ReplayPlan.of(List.of(old), Optional.empty(), Map.of(), false, NOW));

        assertThat(points)
                .extracting(ReplayPoint::timestampMillis)
                .containsExactly(0L, 30 * MINUTE);
    }

    @Test
    void mergesFilesInTimeOrder() {
        ReplayFile a = file("a.csv", 0, 10 * MINUTE, 20 * MINUTE);
        ReplayFile b = file("b.csv", 5 * MINUTE, 15 * MINUTE, 20 * MINUTE);

        ReplayPlan plan = ReplayPlan.of(List.of(a, b), Optional.empty(), Map.of(), true, NOW);
        List<ReplayPoint> points = all(plan);

        assertThat(points).hasSize(6);
        assertThat(points)
                .extracting(p -> p.track().file().name())
                .containsExactly("a.csv", "b.csv", "a.csv", "b.csv", "a.csv", "b.csv");
        assertThat(points).extracting(ReplayPoint::timestampMillis).isSorted();
        assertThat(plan.size()).isEqualTo(6);
        assertThat(plan.firstTimestamp()).isEqualTo(NOW - 20 * MINUTE);
        assertThat(plan.countBefore(NOW - 10 * MINUTE)).isEqualTo(2);
    }

    @Test
    void namesSeriesAfterTheFileWithAFileLabel() {
        ReplayFile taxi = file("realKnownCause/nyc_taxi.csv", 0);

        ReplayPlan.Track track =
                ReplayPlan.of(List.of(taxi), Optional.empty(), Map.of("env", "demo"), true, NOW)
                        .tracks()
                        .get(0);
        ReplayPlan.Track named =
                ReplayPlan.of(List.of(taxi), Optional.of("rides"), Map.of(), true, NOW)
                        .tracks()
                        .get(0);

        assertThat(track.seriesKey())
                .isEqualTo("nyc_taxi{env=\"demo\",file=\"realKnownCause/nyc_taxi.csv\"}");
        assertThat(named.name()).isEqualTo("rides");
    }

    @Test
    void makesMetricNamesValid() {
        assertThat(ReplayPlan.metricName(Path.of("x/ec2_cpu_utilization_5f5533.csv")))
                .isEqualTo("ec2_cpu_utilization_5f5533");
        assertThat(ReplayPlan.metricName(Path.of("Twitter volume-AAPL.csv")))
                .isEqualTo("Twitter_volume_AAPL");
        assertThat(ReplayPlan.metricName(Path.of("2014 rides.csv"))).isEqualTo("_2014_rides");
    }

    @Test
    void namesNabFilesAsNabsLabelsDo(@TempDir Path root, @TempDir Path other) throws Exception {
        Files.writeString(root.resolve("combined_labels.json"), "{}");
        Path file = Files.createDirectories(root.resolve("realKnownCause")).resolve("nyc_taxi.csv");
        Files.writeString(file, "2014-07-01 00:00:00,1\n");
        Path elsewhere = Files.writeString(other.resolve("plain.csv"), "");

        assertThat(ReplayPlan.displayName(file)).isEqualTo("realKnownCause/nyc_taxi.csv");
        assertThat(ReplayPlan.displayName(elsewhere)).isEqualTo("plain.csv");
    }
}
