package dev.guardian.anomaly.cli;

import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.DetectorKind;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import dev.guardian.anomaly.flink.MetricObservation;
import dev.guardian.anomaly.flink.SeriesAnomalyFunction;
import dev.guardian.anomaly.flink.SyntheticMetricPoints;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code guardian bench detect}: throughput of the default detector with many series in Flink keyed
 * state, plus the per-point scoring latency and state size measured on the bare scorer.
 *
 * <p>Flink part: a local environment at parallelism 1 with the heap state backend: a sequence
 * source, a synthetic-point map, {@code keyBy(series)}, {@link SeriesAnomalyFunction}, a discarding
 * sink. The keyed operator is one subtask, i.e. one core's worth of detection.
 */
public final class BenchDetectCommand implements Command {

    private final PrintStream out;

    public BenchDetectCommand() {
        this(System.out);
    }

    BenchDetectCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "detect";
    }

    @Override
    public String summary() {
        return "points per second per core of the metric anomaly detector in keyed state";
    }

    @Override
    public String usage() {
        return "[--series 10000] [--points 3000000] [--detector ensemble|rcf|...] [--skip-flink]";
    }

    @Override
    public int run(Args args) throws Exception {
        int series = args.intValue("series", 10_000);
        long points = args.longValue("points", 3_000_000L);
        boolean skipFlink = args.flag("skip-flink");
        DetectorConfig config;
        try {
            config =
                    DetectorConfig.DEFAULTS.toBuilder()
                            .detector(
                                    DetectorKind.parse(
                                            args.string(
                                                    "detector",
                                                    DetectorConfig.DEFAULTS.detector().label())))
                            .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        args.rejectUnknown();
        if (series < 1 || points < series) {
            throw new UsageException("need --series >= 1 and --points >= --series");
        }
        out.printf(
                Locale.ROOT,
                "detector %s, %d series, %d points (%d per series)%n",
                config.detector().label(),
                series,
                points,
                points / series);
        bare(config, series, points);
        if (!skipFlink) {
            flink(config, series, points);
        }
        return 0;
    }

    /** The scorer alone, one thread: throughput, latency percentiles and state size. */
    private void bare(DetectorConfig config, int series, long points) throws IOException {
        SyntheticMetricPoints generator = new SyntheticMetricPoints(series);
        SeriesAnomalyScorer[] scorers = new SeriesAnomalyScorer[series];
        for (int i = 0; i < series; i++) {
            scorers[i] = SeriesAnomalyScorer.create(config);
        }
        int samples = (int) Math.min(points, 1_000_000);
        long[] latencies = new long[samples];
        long sampleEvery = Math.max(1, points / samples);
        int sampled = 0;
        long started = System.nanoTime();
        for (long p = 0; p < points; p++) {
            MetricObservation point = generator.map(p);
            int s = (int) (p % series);
            if (p % sampleEvery == 0 && sampled < samples) {
                long t0 = System.nanoTime();
                scorers[s].feed(point.timestampMillis, point.value);
                latencies[sampled++] = System.nanoTime() - t0;
            } else {
                scorers[s].feed(point.timestampMillis, point.value);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies, 0, sampled);
        long stateBytes = 0;
        for (SeriesAnomalyScorer scorer : scorers) {
            stateBytes += scorer.toBytes().length + 4; // plus the serializer's length frame
        }
        out.printf(
                Locale.ROOT,
                "scorer alone: %.0f points/s on one core; latency per point p50 %.1f us, p99 %.1f us,"
                        + " p99.9 %.1f us%n",
                points / seconds,
                percentile(latencies, sampled, 0.50) / 1e3,
                percentile(latencies, sampled, 0.99) / 1e3,
                percentile(latencies, sampled, 0.999) / 1e3);
        out.printf(
                Locale.ROOT,
                "state: %.0f bytes per series serialized (%d series, %.1f MB)%n",
                (double) stateBytes / series,
                series,
                stateBytes / 1e6);
    }

    /** The same through Flink: keyed state, serializer, operator chain, one keyed subtask. */
    private void flink(DetectorConfig config, int series, long points) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(0, points - 1)
                .name("sequence")
                .map(new SyntheticMetricPoints(series))
                .name("synthetic points")
                .keyBy(MetricObservation::getSeries)
                .process(new SeriesAnomalyFunction(config))
                .name("series anomaly scorer")
                .uid("series-anomaly-scorer")
                .sinkTo(new DiscardingSink<>())
                .name("discard");
        JobExecutionResult result = env.execute("guardian bench detect");
        double seconds = result.getNetRuntime() / 1000.0;
        out.printf(
                Locale.ROOT,
                "flink keyed state (heap, parallelism 1): %.0f points/s per keyed subtask"
                        + " (%.1f s for %d points, job start included)%n",
                points / seconds,
                seconds,
                points);
    }

    private static double percentile(long[] sorted, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(n - 1, (int) Math.floor(q * (n - 1)))];
    }
}
