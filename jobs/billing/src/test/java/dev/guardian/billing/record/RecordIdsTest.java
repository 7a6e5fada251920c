package dev.guardian.billing.record;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void keepsTheProvidersId() {
        assertThat(RecordIds.idOf(line().id(" 11472 ").record())).isEqualTo("11472");
    }

    @Test
    void aRestatementOfTheSameLineGetsTheSameDerivedId() {
        String first = RecordIds.idOf(line().cost("1.00").record());
        String restated = RecordIds.idOf(line().cost("1.37").tag("team", "web").record());

        assertThat(first).startsWith(RecordIds.DERIVED_PREFIX).isEqualTo(restated);
    }

    @Test
    void anotherHourResourceOrSkuIsAnotherLine() {
        String id = RecordIds.idOf(line().record());

        assertThat(RecordIds.idOf(line().hour(1).record())).isNotEqualTo(id);
        assertThat(RecordIds.idOf(line().resource("i-0002").record())).isNotEqualTo(id);
        assertThat(RecordIds.idOf(line().sku("BoxUsage:m5.xlarge").record())).isNotEqualTo(id);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(RecordIds.idOf(line().account("12").subAccount("3").record()))
                .isNotEqualTo(RecordIds.idOf(line().account("1").subAccount("23").record()));
    }
}
