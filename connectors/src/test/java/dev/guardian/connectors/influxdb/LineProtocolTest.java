package dev.guardian.connectors.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineProtocolTest {

    private static final Instant T = Instant.parse("2024-03-01T12:00:00.000000001Z");

    @Test
    void writesMeasurementSortedTagsTypedFieldsAndNanoseconds() {
        InfluxPoint point =
                InfluxPoint.measurement("cpu")
                        .tag("host", "a")
                        .tag("dc", "eu")
                        .field("value", 0.5)
                        .field("count", 3L)
                        .field("up", true)
                        .field("note", "ok")
                        .time(T)
                        .build();

        assertThat(LineProtocol.format(point))
                .isEqualTo(
                        "cpu,dc=eu,host=a value=0.5,count=3i,up=true,note=\"ok\""
                                + " 1709294400000000001");
    }

    @Test
    void escapesEverySpecialCharacterWhereTheProtocolRequires() {
        InfluxPoint point =
                InfluxPoint.measurement("my measure,x=1")
                        .tag("tag key,=", "v a,l=ue")
                        .field("field key=", "say \"hi\" \\ there")
                        .timeNanos(1)
                        .build();

        assertThat(LineProtocol.format(point))
                .isEqualTo(
                        "my\\ measure\\,x=1,tag\\ key\\,\\==v\\ a\\,l\\=ue"
                                + " field\\ key\\==\"say \\\"hi\\\" \\\\ there\" 1");
    }

    @Test
    void neverLetsANewlineEndTheLine() {
        InfluxPoint point =
                InfluxPoint.measurement("m\n")
                        .tag("t", "a\nb")
                        .field("f", "x\r\ny")
                        .timeNanos(1)
                        .build();

        String line = LineProtocol.format(point);

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line).isEqualTo("m\\n,t=a\\nb f=\"x\\r\\ny\" 1");
    }

    @Test
    void aTrailingBackslashDoesNotEscapeTheSeparator() {
        InfluxPoint point =
                InfluxPoint.measurement("m").tag("t", "a\\").field("f", 1L).timeNanos(1).build();

        assertThat(LineProtocol.format(point)).isEqualTo("m,t=a\\\\ f=1i 1");
    }

    @Test
    void skipsEmptyTagsAndRefusesPointsInfluxCannotStore() {
        assertThat(
                        LineProtocol.format(
                                InfluxPoint.measurement("m")
                                        .tag("empty", "")
                                        .field("f", 1L)
                                        .timeNanos(5)
                                        .build()))
                .isEqualTo("m f=1i 5");
        assertThatThrownBy(() -> InfluxPoint.measurement("m").field("f", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InfluxPoint.measurement("m").timeNanos(1).build())
                .hasMessageContaining("field");
        assertThatThrownBy(() -> InfluxPoint.measurement("m").field("f", 1L).build())
                .hasMessageContaining("time");
        assertThatThrownBy(() -> InfluxPoint.measurement(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
