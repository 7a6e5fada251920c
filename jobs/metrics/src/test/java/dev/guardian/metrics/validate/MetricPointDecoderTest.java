package dev.guardian.metrics.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.kafka.EventTimeExtractor;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.metrics.MetricSample;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Every kind of bad input the metrics stream must dead-letter, each with the reason it gives. */
class MetricPointDecoderTest {

    private static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    private final MetricPointDecoder decoder = new MetricPointDecoder(new Configuration());
    private final RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);

    private static RawRecord raw(byte[] bytes) {
        return new RawRecord(bytes, "metrics.points", 0, 42, NOW);
    }

    private static RawRecord json(String json) {
        return raw(json.getBytes(StandardCharsets.UTF_8));
    }

    private MetricPoint.Builder point() {
        return MetricPoint.newBuilder()
                .setName("cpu_utilization")
                .setLabels(Map.of("host", "a"))
                .setTimestamp(Instant.ofEpochMilli(NOW - 1_000))
                .setValue(0.5)
                .setType(MetricType.GAUGE);
    }

    @Test
    void acceptsAvroAndJsonOfTheSamePoint() throws Exception {
        MetricSample fromAvro = decoder.decode(raw(codec.encode(point().build())), NOW);
        MetricSample fromJson =
                decoder.decode(
                        json(
                                "{\"name\":\"cpu_utilization\",\"labels\":{\"host\":\"a\"},"
                                        + "\"timestamp\":\""
                                        + Instant.ofEpochMilli(NOW - 1_000)
                                        + "\",\"value\":0.5,\"type\":\"GAUGE\"}"),
                        NOW);

        assertThat(fromAvro.series)
                .isEqualTo("cpu_utilization{host=\"a\"}")
                .isEqualTo(fromJson.series);
        assertThat(fromAvro.seriesId).isEqualTo(fromJson.seriesId);
        assertThat(fromAvro.timestampMillis).isEqualTo(fromJson.timestampMillis);
    }

    @Test
    void truncatedAvro() {
        byte[] whole = codec.encode(point().build());
        assertThatThrownBy(() -> decoder.decode(raw(Arrays.copyOf(whole, whole.length - 4)), NOW))
                .hasMessageContaining("MetricPoint");
    }

    @Test
    void corruptAvro() {
        byte[] bytes = codec.encode(point().build());
        // a length prefix claiming gigabytes must be refused, not allocated
        for (int i = 10; i < bytes.length; i++) {
            bytes[i] = (byte) 0xff;
        }
        assertThatThrownBy(() -> decoder.decode(raw(bytes), NOW))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void jsonWithWrongTypes() {
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        json(
                                                "{\"name\":\"x\",\"timestamp\":1,\"value\":{\"a\":1}}"),
                                        NOW))
                .hasMessageContaining("value");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        json("{\"name\":\"x\",\"timestamp\":\"soon\",\"value\":1}"),
                                        NOW))
                .hasMessageContaining("timestamp");
    }

    @Test
    void notANumber() {
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        raw(codec.encode(point().setValue(Double.NaN).build())),
                                        NOW))
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        raw(
                                                codec.encode(
                                                        point().setValue(Double.POSITIVE_INFINITY)
                                                                .build())),
                                        NOW))
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        json("{\"name\":\"x\",\"timestamp\":1,\"value\":\"NaN\"}"),
                                        NOW))
                .hasMessageContaining("NaN");
    }

    @Test
    void missingName() {
        assertThatThrownBy(() -> decoder.decode(json("{\"timestamp\":1,\"value\":1}"), NOW))
                .hasMessageContaining("name");
        assertThatThrownBy(
                        () -> decoder.decode(raw(codec.encode(point().setName(" ").build())), NOW))
                .hasMessage("metric name is missing or blank");
    }

    @Test
    void timestampsFarInTheFutureOrPast() {
        Instant future = Instant.ofEpochMilli(NOW).plus(Duration.ofDays(365));
        Instant past = Instant.ofEpochMilli(NOW).minus(Duration.ofDays(30));
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        raw(codec.encode(point().setTimestamp(future).build())),
                                        NOW))
                .hasMessageContaining("in the future");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        raw(codec.encode(point().setTimestamp(past).build())), NOW))
                .hasMessageContaining("in the past");
    }

    @Test
    void tooManyLabelsOrOverLongValues() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        raw(codec.encode(point().setLabels(many).build())), NOW))
                .hasMessageContaining("33 labels");
        Map<String, String> longValue = Map.of("request", "x".repeat(1025));
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        raw(codec.encode(point().setLabels(longValue).build())),
                                        NOW))
                .hasMessageContaining("1025 characters");
    }

    @Test
    void messagesOverOneMegabyte() {
        byte[] huge = new byte[1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        assertThatThrownBy(() -> decoder.decode(raw(huge), NOW))
                .hasMessage("record is 1048577 bytes, more than the limit of 1048576");
    }

    @Test
    void deeplyNestedJsonFailsWithoutTakingTheThreadDown() {
        String nested =
                "{\"name\":\"x\",\"labels\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        MetricEventTime eventTime = new MetricEventTime(new Configuration());
        RawRecord record = json(nested);

        assertThat(eventTime.extract(record)).isEqualTo(EventTimeExtractor.NO_TIMESTAMP);
        assertThat(record.decoded).isInstanceOf(Throwable.class);
    }

    @Test
    void anInvalidPointNeverMovesTheWatermark() {
        MetricEventTime eventTime = new MetricEventTime(new Configuration());
        RawRecord future =
                raw(
                        codec.encode(
                                point().setTimestamp(Instant.now().plus(Duration.ofDays(365)))
                                        .build()));

        assertThat(eventTime.extract(future)).isEqualTo(EventTimeExtractor.NO_TIMESTAMP);
    }
}
