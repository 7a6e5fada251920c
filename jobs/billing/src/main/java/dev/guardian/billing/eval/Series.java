package dev.guardian.billing.eval;

/** An equally spaced series: values from {@code startMillis}, one every {@code stepMillis}. */
public final class Series {

    public final String name;
    public final long startMillis;
    public final long stepMillis;
    public final double[] values;

    public Series(String name, long startMillis, long stepMillis, double[] values) {
        this.name = name;
        this.startMillis = startMillis;
        this.stepMillis = stepMillis;
        this.values = values;
    }

    public int length() {
        return values.length;
    }

    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
