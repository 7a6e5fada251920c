package dev.guardian.logs.anomaly;

/**
 * The expected count per minute of something (error lines of a service, lines of a template): an
 * exponentially weighted mean and variance of past minutes. The first minutes average evenly
 * (weight {@code 1/n}) so a young baseline is not dominated by its first minute; after that each
 * minute weighs {@code alpha}. A Flink POJO.
 *
 * <p>Deviation is measured against a Poisson-aware spread: {@code sqrt(max(variance, mean, 1))}, so
 * a quiet baseline (mean 0.2, variance 0) does not turn every small burst into a huge z-score.
 */
public class RateBaseline {

    public double mean;
    public double variance;

    /** Minutes observed so far (including empty minutes accounted by {@link #observeEmpty}). */
    public long minutes;

    public RateBaseline() {}

    public double spread() {
        return Math.sqrt(Math.max(1.0, Math.max(variance, mean)));
    }

    /** How many spreads {@code count} lies above (positive) or below the mean. */
    public double zScore(double count) {
        return (count - mean) / spread();
    }

    /**
     * Learns one minute. Values above {@code cap} are learnt as {@code cap}, so a burst that was
     * reported does not become the new normal at once.
     */
    public void observe(double count, double alpha, double cap) {
        double value = Math.min(count, cap);
        minutes++;
        double weight = Math.max(alpha, 1.0 / minutes);
        double delta = value - mean;
        mean += weight * delta;
        variance = (1 - weight) * (variance + weight * delta * delta);
    }

    /**
     * Learns {@code n} minutes without a single occurrence. Past a few hundred minutes the rest
     * only shrinks mean and variance geometrically, so a long gap costs constant time.
     */
    public void observeEmpty(long n, double alpha) {
        long stepwise = Math.min(n, 256);
        for (long i = 0; i < stepwise; i++) {
            observe(0, alpha, Double.MAX_VALUE);
        }
        if (n > stepwise) {
            double keep = Math.pow(1 - alpha, n - stepwise);
            mean *= keep;
            variance *= keep;
            minutes += n - stepwise;
        }
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT, "mean=%.3f var=%.3f minutes=%d", mean, variance, minutes);
    }
}
