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
