package dev.guardian.traffic.model;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from one seed, so that every series, instance and slot draws
 * from its own stream: adding an incident or a bad record to one series cannot shift the values of
 * another.
 */
final class Seeds {

    private Seeds() {}

    /** SplitMix64's finaliser over both inputs: well-mixed even for consecutive integers. */
    static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom random(long seed, long stream, long purpose) {
        return new SplittableRandom(mix(mix(seed, purpose), stream));
    }

    /** A uniform double in [0, 1) that depends only on its inputs. */
    static double uniform(long seed, long stream, long purpose) {
        return (mix(mix(seed, purpose), stream) >>> 11) * 0x1.0p-53;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
