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
                        "",
                        "job (parallelism 1)                        events       events/s  events/s/core    vs bare",
                        "bare Kafka read + discard                 300,000        123,456        234,567      1.00x",
                        "decode + validate + rollup                300,000         45,678         56,789      0.24x",
                        "");
        List<BenchResult> results = BenchOutput.parse("metrics", output);
        assertThat(results)
                .extracting(BenchResult::measurement)
                .containsExactly("bare Kafka read + discard", "decode + validate + rollup");
        assertThat(results.get(1).perCore()).isEqualTo(56_789);
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
    void printsNothingForOutputWithoutFigures() {
        assertThat(BenchOutput.parse("x", "loading rules...\ndone")).isEmpty();
    }
}
