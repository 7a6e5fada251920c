package dev.guardian.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void normalizesToScaleTen() {
        assertThat(Money.normalize(new BigDecimal("1.5")).toPlainString())
                .isEqualTo("1.500000000000000000");
        assertThat(Money.normalize(new BigDecimal("0.0000000000000000005")).toPlainString())
                .isEqualTo("0.000000000000000000");
        assertThat(Money.normalize(new BigDecimal("0.0000000000000000015")).toPlainString())
                .isEqualTo("0.000000000000000002");
    }

    @Test
    void rejectsWhatDoesNotFit() {
        assertThatThrownBy(() -> Money.normalize(new BigDecimal("1e20")))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("does not fit decimal(38,18)");
        assertThatThrownBy(() -> Money.normalize(new BigDecimal("1e2147483647")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.fromDouble(Double.NaN))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void negligibleAmountsRoundToZero() {
        assertThat(Money.normalize(new BigDecimal("1e-2147483647")).signum()).isZero();
        assertThat(Money.normalize(new BigDecimal("-6e-19")).toPlainString())
                .isEqualTo("-0.000000000000000001");
    }

    @Test
    void fromDoubleUsesTheShortestDecimal() {
        assertThat(Money.fromDouble(0.1)).isEqualTo(Money.normalize(new BigDecimal("0.1")));
    }
}
