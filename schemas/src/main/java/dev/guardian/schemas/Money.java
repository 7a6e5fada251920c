package dev.guardian.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as the schemas store them: decimal(38,10). Costs, quantities, unit prices and forecast
 * amounts all use this type, so sums never mix float and decimal arithmetic.
 */
public final class Money {
    public static final int PRECISION = 38;
    public static final int SCALE = 10;

    private Money() {}

    /**
     * The amount at scale 10: more fractional digits are rounded half-even (1e-10 of a currency
     * unit), fewer are padded.
     *
     * @throws ArithmeticException if the integer part exceeds 28 digits
     */
    public static BigDecimal normalize(BigDecimal amount) {
        return fit(amount, PRECISION, SCALE);
    }

    /** A model output (e.g. a forecast) as an amount; rejects NaN and infinities. */
    public static BigDecimal fromDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("not a finite amount: " + value);
        }
        return normalize(BigDecimal.valueOf(value));
    }

    /** The value at {@code scale}, rounded half-even, checked against {@code precision}. */
    public static BigDecimal fit(BigDecimal value, int precision, int scale) {
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_EVEN);
        if (scaled.precision() > precision) {
            throw new ArithmeticException(
                    value.toPlainString()
                            + " does not fit decimal("
                            + precision
                            + ","
                            + scale
                            + ")");
        }
        return scaled;
    }
}
