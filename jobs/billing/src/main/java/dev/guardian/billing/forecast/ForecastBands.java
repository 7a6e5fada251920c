package dev.guardian.billing.forecast;

/**
 * A forecast from one origin: per step the expected value and the 80% and 95% prediction intervals,
 * and the same for the total of the steps left in the calendar month.
 */
public final class ForecastBands {

    public final double[] expected;
    public final double[] lower80;
    public final double[] upper80;
    public final double[] lower95;
    public final double[] upper95;

    /** Sum over the steps to the end of the month: expected, lower80, upper80, lower95, upper95. */
    public final double[] monthRemainder;

    public ForecastBands(
            double[] expected,
            double[] lower80,
            double[] upper80,
            double[] lower95,
            double[] upper95,
            double[] monthRemainder) {
        this.expected = expected;
        this.lower80 = lower80;
        this.upper80 = upper80;
        this.lower95 = lower95;
        this.upper95 = upper95;
        this.monthRemainder = monthRemainder;
    }

    public int horizon() {
        return expected.length;
    }
}
