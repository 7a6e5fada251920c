package dev.guardian.anomaly;

import java.util.Random;

/** Deterministic test series: a daily sine at 5-minute steps with Gaussian noise. */
final class SyntheticSeries {

    static final long START = 1_700_006_400_000L; // a midnight, UTC
    static final long STEP = 300_000L;
    static final int POINTS_PER_DAY = 288;

    private final Random random;
    private final double amplitude;
    private final double noise;

    SyntheticSeries(long seed, double amplitude, double noise) {
        this.random = new Random(seed);
        this.amplitude = amplitude;
        this.noise = noise;
    }

    static long time(int i) {
        return START + i * STEP;
    }

    double normal(int i) {
        return 100
                + amplitude * Math.sin(2 * Math.PI * i / POINTS_PER_DAY)
                + noise * random.nextGaussian();
    }
}
