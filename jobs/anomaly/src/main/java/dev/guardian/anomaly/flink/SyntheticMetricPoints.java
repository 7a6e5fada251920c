package dev.guardian.anomaly.flink;

import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a sequence number into a point of one of {@code series} synthetic series, round robin:
 * daily sine plus noise at 15-minute steps, so every series sees days of history. For benchmarks.
 */
public final class SyntheticMetricPoints implements MapFunction<Long, MetricObservation> {

    private static final long serialVersionUID = 1L;
    static final long STEP_MILLIS = 15 * 60_000L;
    static final long START_MILLIS = 1_700_006_400_000L;

    private final int series;
    private final String[] keys;
    private transient SplittableRandom random;

    public SyntheticMetricPoints(int series) {
        this.series = series;
        this.keys = new String[series];
        for (int i = 0; i < series; i++) {
            keys[i] = "bench_metric{instance=\"host-" + i + "\"}";
        }
    }

    @Override
    public MetricObservation map(Long sequence) {
        if (random == null) {
            random = new SplittableRandom(7);
        }
        int s = (int) (sequence % series);
        long step = sequence / series;
        double phase = 2 * Math.PI * (step % 96) / 96.0 + s;
        double value = 100 + s % 50 + 20 * Math.sin(phase) + 2 * random.nextDouble();
        return MetricObservation.gauge(keys[s], START_MILLIS + step * STEP_MILLIS, value);
    }
}
