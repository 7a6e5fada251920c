package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlexibleTimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1726660800 | 2024-09-18T12:00:00Z",
                "1726660800.123 | 2024-09-18T12:00:00.123Z",
                "1726660800123 | 2024-09-18T12:00:00.123Z",
                "1726660800123456 | 2024-09-18T12:00:00.123Z",
                "1726660800123456789 | 2024-09-18T12:00:00.123Z",
                "2024-09-18T12:00:00.123Z | 2024-09-18T12:00:00.123Z",
                "2024-09-18T14:00:00.123+02:00 | 2024-09-18T12:00:00.123Z",
                "2024-09-18T14:00:00.123+0200 | 2024-09-18T12:00:00.123Z",
                "2024-09-18T12:00:00.123456789Z | 2024-09-18T12:00:00.123456789Z",
                "2024-09-18 12:00:00 | 2024-09-18T12:00:00Z",
                "2024-09-18T12:00 | 2024-09-18T12:00:00Z",
                "2024-09-18 | 2024-09-18T00:00:00Z",
                "0 | 1970-01-01T00:00:00Z",
                "-1 | 1969-12-31T23:59:59Z",
            })
    void parses(String text, String expected) {
        assertThat(FlexibleTimestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-13-01", "18/09/2024", "1e30", "NaN"})
    void rejects(String text) {
        assertThatThrownBy(() -> FlexibleTimestamps.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp");
    }
}
