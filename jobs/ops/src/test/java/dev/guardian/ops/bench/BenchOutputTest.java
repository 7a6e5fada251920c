package dev.guardian.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes the benchmark commands print, as they print them. */
class BenchOutputTest {

    @Test
    void readsTheMetricsBenchmarkTable() {
        String output =
                String.join(
                        "\n",
                        "filling bench.metrics.x with 300,000 points over 10,000 series...",
                        "  decode + validate + rollup   187.4 s wall,   28.5 s CPU,   56,789 events/s/core",
                        "",
                        "job (parallelism 1)                        events       events/s  events/s/core    vs bare",
                        "bare Kafka read + discard                 300,000        123,456        234,567      1.00x",
                        "decode + validate + rollup                300,000         45,678         56,789      0.24x",
                        "");
        List<BenchResult> results = BenchOutput.parse("metrics", output);
        assertThat(results)
                .extracting(BenchResult::measurement)
                .containsExactlyInAnyOrder(
                        "bare Kafka read + discard", "decode + validate + rollup");
        assertThat(results)
                .anyMatch(
                        r ->
                                r.perCore() == 56_789
                                        && r.measurement().equals("decode + validate + rollup"));
    }

    @Test
    void readsInlineFiguresWithLatencies() {
        String output =
                String.join(
                        "\n",
                        "scorer alone: 15234 points/s on one core; latency per point p50 12.5 us, p99 80.2 us, p99.9 120.0 us",
                        "flink keyed state (heap, parallelism 1): 9000 points/s per keyed subtask (3.3 s for 30000 points, job start included)",
                        "mine default   123,456 lines/s/core  (2,000 lines, 1.0 s CPU, 1.1 s wall, 3 parameters)",
                        "all rules:     45,678 events per CPU-second (40,000 per wall second, 90% of a core)  latency p50 21.0 us  p99 1.5 ms  (50000 events, sink 3)");
        List<BenchResult> results = BenchOutput.parse("x", output);
        assertThat(results).hasSize(4);
        assertThat(results.get(0).measurement()).isEqualTo("scorer alone");
        assertThat(results.get(0).perCore()).isEqualTo(15_234);
        assertThat(results.get(0).p50Micros()).isCloseTo(12.5, within(1e-9));
        assertThat(results.get(0).p99Micros()).isCloseTo(80.2, within(1e-9));
        assertThat(results.get(1).wallClock()).isTrue();
        assertThat(results.get(2).measurement()).isEqualTo("mine default");
        assertThat(results.get(2).perCore()).isEqualTo(123_456);
        assertThat(results.get(3).measurement()).isEqualTo("all rules");
        assertThat(results.get(3).p99Micros()).isCloseTo(1_500, within(1e-9));
    }

    @Test
    void readsLatencyTablesAndSkipsNegativeFigures() {
        String output =
                String.join(
                        "\n",
                        "event -> anomaly record readable         anomalies   series      p50      p90      p99      max",
                        "Kafka, read_uncommitted                         53       53 141821 ms 148283 ms 151521 ms 151521 ms",
                        "Kafka, read_committed                           36       36 140351 ms 146624 ms 147852 ms 147852 ms",
                        "",
                        "TaskManager CPU: -41.9 s for 111,486 points = -376 us per point (-2,659 points/s per core)");
        List<BenchResult> results = BenchOutput.parse("latency", output);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).measurement()).isEqualTo("Kafka, read_uncommitted (latency)");
        assertThat(results.get(0).p50Micros()).isEqualTo(141_821_000.0);
        assertThat(results.get(1).p99Micros()).isEqualTo(147_852_000.0);
        assertThat(results.get(0).perCore()).isNaN();
    }

    @Test
    void printsNothingForOutputWithoutFigures() {
        assertThat(BenchOutput.parse("x", "loading rules...\ndone")).isEmpty();
    }
}
