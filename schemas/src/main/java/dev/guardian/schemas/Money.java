package dev.guardian.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as the schemas store them: decimal(38,18). Costs, quantities, unit prices and forecast
 * amounts all use this type, so sums never mix float and decimal arithmetic.
 *
 * <p>Scale 18, not 10: real FOCUS exports carry 11 fractional digits in costs and 15 in consumed
 * quantities (the FOCUS 1.0 sample does), and every one of them must survive. 20 integer digits
 * remain, far beyond any bill. Same as ClickHouse {@code Decimal(38, 18)}.
 */
public final class Money {
    public static final int PRECISION = 38;
    public static final int SCALE = 18;

    private Money() {}

    /**
     * The amount at scale 18: more fractional digits are rounded half-even (1e-18 of a currency
     * unit), fewer are padded.
     *
     * @throws ArithmeticException if the integer part exceeds 20 digits
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
        // decide on the exponent first: setScale on 1e999999999 or 1e-999999999 would compute
        // a billion-digit power of ten
        long integerDigits = (long) value.precision() - value.scale();
        if (value.signum() != 0 && integerDigits > precision - scale) {
            throw new ArithmeticException(
                    abbreviate(value) + " does not fit decimal(" + precision + "," + scale + ")");
        }
        if (value.signum() == 0 || integerDigits < -scale) {
            return BigDecimal.ZERO.setScale(scale); // below half of the last digit: rounds to 0
        }
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_EVEN);
        if (scaled.precision() > precision) {
            throw new ArithmeticException(
                    abbreviate(value) + " does not fit decimal(" + precision + "," + scale + ")");
        }
        return scaled;
    }

    private static String abbreviate(BigDecimal value) {
        String text = value.toString(); // scientific notation keeps huge exponents short
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
