package dev.guardian.logs.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.job.InvalidRecordException;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.logs.LogRecord;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.Severity;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.schemas.serde.RecordDecodingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEventDecoderTest {

    private static final long NOW = Instant.parse("2026-01-05T12:00:00Z").toEpochMilli();
    private static final String TS = "2026-01-05T11:59:58.250Z";

    private final LogEventDecoder decoder = new LogEventDecoder(DecodeLimits.defaults());

    private static RawRecord kafka(byte[] value, long offset) {
        return new RawRecord(value, "logs.events", 2, offset, NOW);
    }

    private static RawRecord json(String text) {
        return kafka(text.getBytes(StandardCharsets.UTF_8), 7);
    }

    private LogRecord one(RawRecord raw) throws InvalidRecordException {
        LogEventDecoder.Result result = decoder.decode(raw, NOW);
        assertThat(result.failures()).isEmpty();
        assertThat(result.records()).hasSize(1);
        return result.records().get(0);
    }

    @Test
    void readsEcsAndOpenTelemetryNames() throws Exception {
        LogRecord ecs =
                one(
                        json(
                                "{\"@timestamp\":\""
                                        + TS
                                        + "\",\"service\":{\"name\":\"checkout\"},"
                                        + "\"host\":{\"name\":\"web-1\"},\"log\":{\"level\":\"warning\","
                                        + "\"logger\":\"c.Pay\"},\"message\":\"card declined\","
                                        + "\"trace\":{\"id\":\"t1\"},\"labels\":{\"region\":\"eu\"}}"));
        assertThat(ecs.service).isEqualTo("checkout");
        assertThat(ecs.host).isEqualTo("web-1");
        assertThat(ecs.severity).isEqualTo("WARN");
        assertThat(ecs.logger).isEqualTo("c.Pay");
        assertThat(ecs.traceId).isEqualTo("t1");
        assertThat(ecs.timestampMillis).isEqualTo(Instant.parse(TS).toEpochMilli());
        assertThat(ecs.attributes).containsExactly("region", "eu");
        assertThat(ecs.flags).isEmpty();
        assertThat(ecs.ingestedMillis).isEqualTo(NOW);

        LogRecord otel =
                one(
                        json(
                                "{\"time_unix_nano\":1767614398250000000,\"severity_number\":17,"
                                        + "\"body\":\"boom\",\"resource\":{\"service.name\":\"api\"}}"));
        assertThat(otel.service).isEqualTo("api");
        assertThat(otel.severity).isEqualTo("ERROR");
        assertThat(otel.message).isEqualTo("boom");
    }

    @Test
    void readsAvro() throws Exception {
        LogEvent event =
                LogEvent.newBuilder()
                        .setTimestamp(Instant.parse(TS))
                        .setService("billing")
                        .setSeverity(Severity.ERROR)
                        .setMessage("invoice 42 failed")
                        .setAttributes(Map.of("b", "2", "a", "1"))
                        .build();
        LogRecord r = one(kafka(RecordCodec.of(LogEvent.class).encode(event), 1));
        assertThat(r.service).isEqualTo("billing");
        assertThat(r.severity).isEqualTo("ERROR");
        assertThat(r.attributes).containsExactly("a", "1", "b", "2");
    }

    @Test
    void nonUtf8BytesAreReplacedAndTheLineFlagged() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(
                ("{\"@timestamp\":\"" + TS + "\",\"message\":\"caf")
                        .getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é: not UTF-8
        bytes.writeBytes(" ferm\u00e9 \"}".getBytes(StandardCharsets.UTF_8));

        LogRecord r = one(kafka(bytes.toByteArray(), 3));

        assertThat(r.message).isEqualTo("caf\uFFFD ferm\u00e9 ");
        assertThat(r.flags).containsExactly(LogFlags.INVALID_UTF8);
    }

    @Test
    void aMessageOverOneMebibyteIsCutWithAMarkerNotDropped() throws Exception {
        String big = "x".repeat(DecodeLimits.MIB) + "é".repeat(10_000); // 1 MiB + 20,000 bytes
        LogRecord r = one(json("{\"@timestamp\":\"" + TS + "\",\"message\":\"" + big + "\"}"));

        assertThat(r.hasFlag(LogFlags.MESSAGE_TRUNCATED)).isTrue();
        assertThat(Utf8.length(r.message)).isLessThanOrEqualTo(DecodeLimits.MIB);
        assertThat(r.message).startsWith("xxxx").contains("…[truncated: ");
        assertThat(r.message).endsWith("of " + (DecodeLimits.MIB + 20_000) + " bytes kept]");

        LogRecord small = one(json("{\"@timestamp\":\"" + TS + "\",\"message\":\"short\"}"));
        assertThat(small.message).isEqualTo("short");
        assertThat(small.flags).isEmpty();
    }

    @Test
    void aMissingTimestampIsTheIngestTimeAndFlagged() throws Exception {
        LogRecord r = one(json("{\"service\":\"api\",\"level\":\"INFO\",\"message\":\"hi\"}"));
        assertThat(r.timestampMillis).isEqualTo(NOW);
        assertThat(r.flags).containsExactly(LogFlags.TIMESTAMP_MISSING);

        LogRecord nul = one(json("{\"@timestamp\":null,\"message\":\"hi\"}"));
        assertThat(nul.flags).containsExactly(LogFlags.TIMESTAMP_MISSING);

        // Ingest time is when the line entered Kafka: right even when the job catches up later.
        byte[] noTime = "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        RawRecord anHourAgo = new RawRecord(noTime, "logs.events", 0, 1, NOW - 3_600_000);
        assertThat(one(anHourAgo).timestampMillis).isEqualTo(NOW - 3_600_000);
        assertThat(one(new RawRecord(noTime, "", -1, -1, 0)).timestampMillis).isEqualTo(NOW);
        assertThat(one(anHourAgo).hasRepairedTimestamp()).isTrue();
    }

    @Test
    void anUnparsableTimestampIsTheIngestTimeWithTheOriginalKept() throws Exception {
        LogRecord r = one(json("{\"time\":\"yesterday at noon\",\"message\":\"hi\"}"));
        assertThat(r.timestampMillis).isEqualTo(NOW);
        assertThat(r.flags).containsExactly(LogFlags.TIMESTAMP_UNPARSABLE);
        assertThat(r.attribute(LogFlags.ORIGINAL_TIMESTAMP)).isEqualTo("yesterday at noon");
    }

    @Test
    void aTimestampFarAheadIsTheIngestTimeWithTheOriginalKept() throws Exception {
        LogRecord r = one(json("{\"@timestamp\":\"2027-01-01T00:00:00Z\",\"message\":\"hi\"}"));
        assertThat(r.timestampMillis).isEqualTo(NOW);
        assertThat(r.flags).containsExactly(LogFlags.TIMESTAMP_IN_FUTURE);
        assertThat(r.attribute(LogFlags.ORIGINAL_TIMESTAMP)).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void anUnknownSeverityWordIsUnknownWithTheWordKept() throws Exception {
        LogRecord r =
                one(json("{\"@timestamp\":\"" + TS + "\",\"level\":\"verbose\",\"msg\":\"x\"}"));
        assertThat(r.severity).isEqualTo("UNKNOWN");
        assertThat(r.flags).containsExactly(LogFlags.SEVERITY_UNKNOWN);
        assertThat(r.attribute(LogFlags.ORIGINAL_LEVEL)).isEqualTo("verbose");

        LogRecord nested =
                one(
                        json(
                                "{\"@timestamp\":\""
                                        + TS
                                        + "\",\"log\":{\"level\":\"loud\"},\"msg\":\"x\"}"));
        assertThat(nested.attribute(LogFlags.ORIGINAL_LEVEL)).isEqualTo("loud");

        LogRecord synonym =
                one(json("{\"@timestamp\":\"" + TS + "\",\"level\":\"SEVERE\",\"msg\":\"x\"}"));
        assertThat(synonym.severity).isEqualTo("ERROR");
        assertThat(synonym.flags).isEmpty();

        LogRecord none = one(json("{\"@timestamp\":\"" + TS + "\",\"msg\":\"x\"}"));
        assertThat(none.severity).isEqualTo("UNKNOWN");
        assertThat(none.flags).isEmpty();
    }

    @Test
    void deeplyNestedJsonIsRefusedWithTheReasonAndNothingCrashes() throws Exception {
        int depth = 100_000;
        String deep =
                "{\"@timestamp\":\""
                        + TS
                        + "\",\"message\":\"m\",\"labels\":"
                        + "{\"a\":".repeat(depth)
                        + "1"
                        + "}".repeat(depth)
                        + "}";
        assertThatThrownBy(() -> decoder.decode(json(deep), NOW))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("JSON nested more than 64 levels deep");

        // Brackets inside strings do not count.
        String brackets = "[".repeat(1000);
        assertThat(
                        decoder.decode(
                                        json(
                                                "{\"@timestamp\":\""
                                                        + TS
                                                        + "\",\"message\":\""
                                                        + brackets
                                                        + "\"}"),
                                        NOW)
                                .records())
                .hasSize(1);
    }

    @Test
    void rawTextIsTheMessageWithALevelFoundInIt() throws Exception {
        LogRecord r =
                one(
                        kafka(
                                "2026-01-05 12:00:01 ERROR [main] c.Pay: card declined\n"
                                        .getBytes(StandardCharsets.UTF_8),
                                4));
        assertThat(r.message).isEqualTo("2026-01-05 12:00:01 ERROR [main] c.Pay: card declined");
        assertThat(r.severity).isEqualTo("ERROR");
        assertThat(r.service).isEqualTo("unknown");
        assertThat(r.timestampMillis).isEqualTo(NOW);
        assertThat(r.flags).containsExactly(LogFlags.RAW_TEXT, LogFlags.TIMESTAMP_MISSING);
    }

    @Test
    void emptyBinaryAndMessagelessRecordsAreRefused() {
        assertThatThrownBy(() -> decoder.decode(kafka(new byte[0], 1), NOW))
                .hasMessage("record is empty");
        assertThatThrownBy(() -> decoder.decode(kafka(new byte[] {1, 2, 3, 0, 5}, 1), NOW))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("binary data");
        assertThatThrownBy(() -> decoder.decode(json("{\"@timestamp\":\"" + TS + "\"}"), NOW))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("message");
        assertThatThrownBy(() -> decoder.decode(json("{\"message\": \"x\""), NOW))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("malformed JSON");
        LogEventDecoder strict =
                new LogEventDecoder(new DecodeLimits(1000, 512, 64, 128, 8192, 600_000));
        assertThatThrownBy(
                        () ->
                                strict.decode(
                                        json("{\"message\":\"" + "x".repeat(1000) + "\"}"), NOW))
                .hasMessageContaining("more than the limit of 1000");
    }

    @Test
    void anArrayGivesOneLinePerElementAndRefusesBadElementsAlone() throws Exception {
        LogEventDecoder.Result result =
                decoder.decode(
                        json(
                                "[{\"@timestamp\":\""
                                        + TS
                                        + "\",\"message\":\"a\"},{\"@timestamp\":\""
                                        + TS
                                        + "\"},{\"message\":\"c\"}]"),
                        NOW);
        assertThat(result.records()).extracting(r -> r.message).containsExactly("a", "c");
        assertThat(result.records().get(1).flags).containsExactly(LogFlags.TIMESTAMP_MISSING);
        assertThat(result.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.getMessage()).contains("element 1 of 3"));
        assertThat(result.records().get(0).eventId).isNotEqualTo(result.records().get(1).eventId);
    }

    @Test
    void idsAreTheSameOnReplayAndDifferForOtherCoordinatesOrBytes() throws Exception {
        String line = "{\"@timestamp\":\"" + TS + "\",\"message\":\"same\"}";
        String id = one(json(line)).eventId;
        assertThat(id).hasSize(22).isEqualTo(one(json(line)).eventId);
        assertThat(one(kafka(line.getBytes(StandardCharsets.UTF_8), 8)).eventId).isNotEqualTo(id);
        assertThat(one(json(line.replace("same", "other"))).eventId).isNotEqualTo(id);
    }

    @Test
    void manyAttributesAreCappedAndFlagged() throws Exception {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            labels.append(i == 0 ? "" : ",").append("\"k").append(1000 + i).append("\":\"v\"");
        }
        LogRecord r =
                one(
                        json(
                                "{\"@timestamp\":\""
                                        + TS
                                        + "\",\"message\":\"m\",\"labels\":{"
                                        + labels
                                        + "}}"));
        assertThat(r.attributes).hasSize(2 * 128);
        assertThat(r.attributes[0]).isEqualTo("k1000");
        assertThat(List.of(r.flags)).containsExactly(LogFlags.ATTRIBUTES_TRUNCATED);
    }
}
