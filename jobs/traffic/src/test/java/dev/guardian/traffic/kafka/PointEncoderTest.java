package dev.guardian.traffic.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordDecodingException;
import dev.guardian.traffic.model.BadRecordKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PointEncoderTest {

    private static final RecordCodec<MetricPoint> CODEC = RecordCodec.of(MetricPoint.class);

    private static final MetricPoint POINT =
            PointEncoder.point(
                    "http_requests_total",
                    Map.of("host", "cart-use1-00", "service", "cart"),
                    Instant.parse("2026-11-20T09:00:00Z").toEpochMilli(),
                    12_345,
                    MetricType.COUNTER,
                    "{request}");

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void writesWhatTheJobsRead(WireFormat format) {
        byte[] bytes = new PointEncoder(format).encode(POINT);

        assertThat(CODEC.decode(bytes)).isEqualTo(POINT);
        if (format == WireFormat.JSON) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{");
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void corruptBytesDoNotDecode(WireFormat format) {
        byte[] bad = new PointEncoder(format).encodeBad(POINT, BadRecordKind.CORRUPT_BYTES);

        assertThatThrownBy(() -> CODEC.decode(bad)).isInstanceOf(RecordDecodingException.class);
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void farFutureTimestampsDecodeAYearAhead(WireFormat format) {
        byte[] bad = new PointEncoder(format).encodeBad(POINT, BadRecordKind.FAR_FUTURE_TIMESTAMP);

        assertThat(CODEC.decode(bad).getTimestamp())
                .isEqualTo(POINT.getTimestamp().plus(PointEncoder.FAR_FUTURE));
    }

    @Test
    void avroCarriesNanAndEmptyNamesForTheValidatorToReject() {
        PointEncoder avro = new PointEncoder(WireFormat.AVRO);

        assertThat(CODEC.decode(avro.encodeBad(POINT, BadRecordKind.NAN_VALUE)).getValue()).isNaN();
        assertThat(CODEC.decode(avro.encodeBad(POINT, BadRecordKind.MISSING_NAME)).getName())
                .isEmpty();
    }

    @Test
    void jsonWritesNanAsTextAndLeavesTheNameOut() {
        PointEncoder json = new PointEncoder(WireFormat.JSON);
        String nan =
                new String(json.encodeBad(POINT, BadRecordKind.NAN_VALUE), StandardCharsets.UTF_8);
        String nameless =
                new String(
                        json.encodeBad(POINT, BadRecordKind.MISSING_NAME), StandardCharsets.UTF_8);

        assertThat(nan).contains("\"value\":\"NaN\"");
        assertThat(nameless).doesNotContain("\"name\"").contains("\"labels\"");
        assertThatThrownBy(() -> CODEC.decodeJson(nan)).isInstanceOf(RecordDecodingException.class);
        assertThatThrownBy(() -> CODEC.decodeJson(nameless))
                .isInstanceOf(RecordDecodingException.class);
    }

    @Test
    void spoilingLeavesTheOriginalAlone() {
        new PointEncoder(WireFormat.AVRO).encodeBad(POINT, BadRecordKind.MISSING_NAME);

        assertThat(POINT.getName()).isEqualTo("http_requests_total");
    }
}
