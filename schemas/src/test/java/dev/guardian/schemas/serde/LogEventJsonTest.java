package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.SampleRecords;
import dev.guardian.schemas.Severity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEventJsonTest {
    private final RecordCodec<LogEvent> codec = RecordCodec.of(LogEvent.class);

    @Test
    void ecsNested() {
        LogEvent event =
                codec.decodeJson(
                        "{\"@timestamp\":\"2024-09-18T12:00:00.123Z\","
                                + "\"service\":{\"name\":\"checkout\"},\"host\":{\"name\":\"web-1\"},"
                                + "\"log\":{\"level\":\"error\",\"logger\":\"dev.shop.Payments\"},"
                                + "\"message\":\"Payment provider timed out after 3000 ms\","
                                + "\"trace\":{\"id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"},"
                                + "\"span\":{\"id\":\"00f067aa0ba902b7\"},"
                                + "\"labels\":{\"http.status_code\":504}}");

        assertThat(event).isEqualTo(SampleRecords.logEvent());
    }

    @Test
    void ecsDottedKeys() {
        LogEvent event =
                codec.decodeJson(
                        "{\"@timestamp\":\"2024-09-18T12:00:00.123Z\",\"service.name\":\"checkout\","
                                + "\"host.name\":\"web-1\",\"log.level\":\"ERROR\","
                                + "\"log.logger\":\"dev.shop.Payments\","
                                + "\"message\":\"Payment provider timed out after 3000 ms\","
                                + "\"trace.id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
                                + "\"span.id\":\"00f067aa0ba902b7\","
                                + "\"attributes\":{\"http\":{\"status_code\":\"504\"}}}");

        assertThat(event).isEqualTo(SampleRecords.logEvent());
    }

    @Test
    void openTelemetryStyle() {
        LogEvent event =
                codec.decodeJson(
                        "{\"time_unix_nano\":\"1726660800123000000\",\"severity_number\":13,"
                                + "\"body\":\"disk almost full\",\"trace_id\":\"abc\",\"span_id\":\"def\","
                                + "\"resource\":{\"service.name\":\"node-exporter\"}}");

        assertThat(event.getTimestamp()).isEqualTo(Instant.parse("2024-09-18T12:00:00.123Z"));
        assertThat(event.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(event.getMessage()).isEqualTo("disk almost full");
        assertThat(event.getService()).isEqualTo("node-exporter");
        assertThat(event.getTraceId()).isEqualTo("abc");
        assertThat(event.getSpanId()).isEqualTo("def");
    }

    @Test
    void severitySpellings() {
        assertThat(severityOf("\"warning\"")).isEqualTo(Severity.WARN);
        assertThat(severityOf("\"SEVERE\"")).isEqualTo(Severity.ERROR);
        assertThat(severityOf("\"crit\"")).isEqualTo(Severity.FATAL);
        assertThat(severityOf("\"Information\"")).isEqualTo(Severity.INFO);
        assertThat(severityOf("\"verbose\"")).isEqualTo(Severity.UNKNOWN);
        assertThat(severityOf("9")).isEqualTo(Severity.INFO);
        assertThat(severityOf("21")).isEqualTo(Severity.FATAL);
    }

    @Test
    void minimalLineGetsDefaults() {
        LogEvent event = codec.decodeJson("{\"ts\":1726660800,\"msg\":\"started\"}");

        assertThat(event.getService()).isEqualTo("unknown");
        assertThat(event.getSeverity()).isEqualTo(Severity.UNKNOWN);
        assertThat(event.getHost()).isNull();
        assertThat(event.getLogger()).isNull();
        assertThat(event.getAttributes()).isEqualTo(Map.of());
    }

    private Severity severityOf(String level) {
        return codec.decodeJson("{\"ts\":0,\"msg\":\"m\",\"level\":" + level + "}").getSeverity();
    }
}
