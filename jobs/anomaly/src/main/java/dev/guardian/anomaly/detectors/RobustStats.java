package dev.guardian.anomaly.detectors;

/** Median and scale estimates that a few outliers cannot drag. */
public final class RobustStats {

    /** MAD times this estimates the standard deviation of normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {}

    /** Median of {@code a[0..n)}; reorders the array. */
    public static double median(double[] a, int n) {
        if (n <= 0) {
            return Double.NaN;
        }
        if ((n & 1) == 1) {
            return select(a, n, n / 2);
        }
        double upper = select(a, n, n / 2);
        // after selecting n/2, the lower half holds everything below it: its maximum is the other
        double lower = a[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, a[i]);
        }
        return 0.5 * (lower + upper);
    }

    /** Median absolute deviation from {@code center} of {@code a[0..n)}; overwrites the array. */
    public static double mad(double[] a, int n, double center) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.abs(a[i] - center);
        }
        return median(a, n);
    }

    /** The k-th smallest (0-based) of {@code a[0..n)} by Hoare's selection; reorders the array. */
    public static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
