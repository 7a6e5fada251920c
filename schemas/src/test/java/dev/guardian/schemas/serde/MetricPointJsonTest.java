package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.SampleRecords;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricPointJsonTest {
    private final RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);

    @Test
    void camelCase() {
        MetricPoint point =
                codec.decodeJson(
                        "{\"timestamp\":\"2024-09-18T12:00:00.123Z\",\"name\":\"http_server_requests_total\","
                                + "\"labels\":{\"method\":\"GET\",\"code\":\"500\"},\"value\":42.5,"
                                + "\"type\":\"COUNTER\",\"unit\":\"1\"}");

        assertThat(point).isEqualTo(SampleRecords.metricPoint());
    }

    @Test
    void snakeCaseEpochSecondsAndLooseTypes() {
        MetricPoint point =
                codec.decodeJson(
                        "{\"time_unix_nano\":1726660800123000000,\"metric_name\":\"cpu\","
                                + "\"attributes\":{\"core\":3,\"idle\":false},\"value\":\"0.75\","
                                + "\"metric_type\":\"gauge\"}");

        assertThat(point.getTimestamp()).isEqualTo(Instant.parse("2024-09-18T12:00:00.123Z"));
        assertThat(point.getName()).isEqualTo("cpu");
        assertThat(point.getLabels())
                .containsExactly(Map.entry("core", "3"), Map.entry("idle", "false"));
        assertThat(point.getValue()).isEqualTo(0.75);
        assertThat(point.getType()).isEqualTo(MetricType.GAUGE);
        assertThat(point.getUnit()).isNull();
    }

    @Test
    void defaultsForOptionalFields() {
        MetricPoint point = codec.decodeJson("{\"ts\":1726660800,\"__name__\":\"up\",\"v\":1}");

        assertThat(point.getTimestamp()).isEqualTo(Instant.parse("2024-09-18T12:00:00Z"));
        assertThat(point.getLabels()).isEmpty();
        assertThat(point.getType()).isEqualTo(MetricType.UNKNOWN);
        assertThat(point.getUnit()).isNull();
    }

    @Test
    void otelSumIsCounterAndUnknownKindsAreUnknown() {
        assertThat(
                        codec.decodeJson("{\"ts\":0,\"name\":\"a\",\"value\":1,\"kind\":\"sum\"}")
                                .getType())
                .isEqualTo(MetricType.COUNTER);
        assertThat(
                        codec.decodeJson(
                                        "{\"ts\":0,\"name\":\"a\",\"value\":1,\"type\":\"histogram\"}")
                                .getType())
                .isEqualTo(MetricType.UNKNOWN);
    }

    @Test
    void batchAsArray() {
        byte[] batch =
                "[{\"ts\":1,\"name\":\"a\",\"value\":1},{\"ts\":2,\"name\":\"b\",\"value\":2}]"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(codec.decodeAll(batch))
                .extracting(MetricPoint::getName)
                .containsExactly("a", "b");
    }
}
