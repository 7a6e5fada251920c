package dev.guardian.ops.bench;

/**
 * One throughput figure a benchmark printed.
 *
 * @param bench the command's subject, e.g. {@code metrics}
 * @param measurement what was measured, as the benchmark named it
 * @param perCore events per second per core (per CPU-second), or per subtask where the benchmark
 *     only measured wall time ({@link #wallClock})
 * @param p50Micros median latency in microseconds, NaN if not measured
 * @param p99Micros 99th percentile latency in microseconds, NaN if not measured
 */
public record BenchResult(
        String bench,
        String measurement,
        double perCore,
        double p50Micros,
        double p99Micros,
        boolean wallClock) {}
