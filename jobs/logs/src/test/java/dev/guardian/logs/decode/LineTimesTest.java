package dev.guardian.logs.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.Severity;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineTimesTest {

    private static final Instant T = Instant.parse("2026-01-05T10:15:30.250Z");

    private static long own(String text) {
        return LineTimes.own(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTimeOfAvroAndJsonWithoutDecoding() {
        for (Instant t : new Instant[] {T, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59Z")}) {
            LogEvent event =
                    LogEvent.newBuilder()
                            .setTimestamp(t)
                            .setService("a")
                            .setSeverity(Severity.INFO)
                            .setMessage("m")
                            .setAttributes(Map.of())
                            .build();
            assertThat(LineTimes.own(RecordCodec.of(LogEvent.class).encode(event)))
                    .isEqualTo(t.toEpochMilli());
        }
        assertThat(own("{\"@timestamp\":\"2026-01-05T10:15:30.250Z\",\"message\":\"m\"}"))
                .isEqualTo(T.toEpochMilli());
        assertThat(own(" {\"service\":{\"name\":\"a\",\"x\":[1,{\"ts\":1}]},\"ts\":1767608130.25}"))
                .isEqualTo(T.toEpochMilli());
        assertThat(own("{\"time_unix_nano\":\"1767608130250000000\"}")).isEqualTo(T.toEpochMilli());
        // The schema's own name wins over the others, whatever the order.
        assertThat(own("{\"ts\":0,\"timestamp\":\"2026-01-05T10:15:30.250Z\"}"))
                .isEqualTo(T.toEpochMilli());
    }

    @Test
    void theCommonIsoShapeIsReadWithoutAFormatterAndAgreesWithTheCodec() {
        for (String t :
                new String[] {
                    "2026-01-05T10:15:30Z",
                    "2026-01-05T10:15:30.250Z",
                    "2026-01-05 10:15:30.2Z",
                    "2024-02-29T23:59:59.999999999Z",
                    "1999-12-31T00:00:00.000Z"
                }) {
            assertThat(LineTimes.isoUtc(t))
                    .as(t)
                    .isEqualTo(
                            dev.guardian.schemas.serde.FlexibleTimestamps.parse(t).toEpochMilli());
        }
        for (String t :
                new String[] {
                    "2026-01-05T10:15:30+02:00",
                    "2026-02-30T10:15:30Z",
                    "2026-01-05",
                    "2026-13-05T10:15:30Z",
                    "2026-01-05T10:15:30.Z",
                    "20x6-01-05T10:15:30Z"
                }) {
            assertThat(LineTimes.isoUtc(t)).as(t).isEqualTo(LineTimes.NONE);
        }
        assertThat(own("{\"@timestamp\":\"2026-01-05T12:15:30.250+02:00\"}"))
                .isEqualTo(T.toEpochMilli());
    }

    @Test
    void whatHasNoReadableTimeHasNone() {
        assertThat(own("{\"message\":\"m\"}")).isEqualTo(LineTimes.NONE);
        assertThat(own("{\"@timestamp\":\"yesterday\"}")).isEqualTo(LineTimes.NONE);
        assertThat(own("{\"@timestamp\":null}")).isEqualTo(LineTimes.NONE);
        assertThat(own("[{\"@timestamp\":\"2026-01-05T10:15:30Z\"}]")).isEqualTo(LineTimes.NONE);
        assertThat(own("2026-01-05 ERROR raw text")).isEqualTo(LineTimes.NONE);
        assertThat(own("{\"a\":" + "[".repeat(5000))).isEqualTo(LineTimes.NONE);
        assertThat(LineTimes.own(new byte[] {(byte) 0xC3, 1, 0, 0})).isEqualTo(LineTimes.NONE);
        assertThat(LineTimes.own(new byte[0])).isEqualTo(LineTimes.NONE);
    }
}
