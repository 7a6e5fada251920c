package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.SampleRecords;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BadAvroInputTest {
    private final RecordCodec<LogEvent> logs = RecordCodec.of(LogEvent.class);
    private final RecordCodec<MetricPoint> metrics = RecordCodec.of(MetricPoint.class);

    @Test
    void everyTruncationIsRejected() {
        byte[] full = logs.encode(SampleRecords.logEvent());

        for (int length = 0; length < full.length; length++) {
            byte[] truncated = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> logs.decode(truncated))
                    .as("truncated to %d of %d bytes", length, full.length)
                    .isInstanceOf(RecordDecodingException.class)
                    .hasMessageStartingWith("Cannot decode LogEvent");
        }
    }

    @Test
    void hugeStringLengthIsRejectedBeforeAllocating() {
        ByteArrayOutputStream message = header(logs);
        writeVarint(message, 0); // timestamp
        writeVarint(message, Integer.MAX_VALUE - 8); // service: a 2 GB string
        message.writeBytes("web".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> logs.decode(message.toByteArray()))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("string length 2147483639 exceeds the 3 bytes left");
    }

    @Test
    void hugeMapCountIsRejectedBeforeAllocating() {
        ByteArrayOutputStream message = header(metrics);
        writeVarint(message, 0); // timestamp
        writeVarint(message, 1); // name length
        message.write('x');
        writeVarint(message, 1L << 40); // labels: 2^40 entries

        assertThatThrownBy(() -> metrics.decode(message.toByteArray()))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("map block of 1099511627776 items cannot fit");
    }

    @Test
    void negativeLengthIsRejected() {
        ByteArrayOutputStream message = header(logs);
        writeVarint(message, 0);
        writeVarint(message, -5);

        assertThatThrownBy(() -> logs.decode(message.toByteArray()))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("negative string length -5");
    }

    @Test
    void enumIndexOutOfRangeIsRejected() {
        ByteArrayOutputStream message = header(metrics);
        writeVarint(message, 0); // timestamp
        writeVarint(message, 1);
        message.write('x'); // name
        writeVarint(message, 0); // no labels
        message.writeBytes(new byte[8]); // value 0.0
        writeVarint(message, 7); // type: no such symbol
        writeVarint(message, 0); // unit: null

        assertThatThrownBy(() -> metrics.decode(message.toByteArray()))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("corrupt Avro body");
    }

    @Test
    void oversizedDecimalIsRejected() {
        RecordCodec<dev.guardian.schemas.ForecastPoint> points =
                RecordCodec.of(dev.guardian.schemas.ForecastPoint.class);
        ByteArrayOutputStream message = header(points);
        writeVarint(message, 0); // time
        byte[] huge = new byte[1000];
        huge[0] = 0x7f; // a positive 2400-digit number
        for (int field = 0; field < 5; field++) { // expected, lower80, upper80, lower95, upper95
            writeVarint(message, huge.length);
            message.writeBytes(huge);
        }

        assertThatThrownBy(() -> points.decode(message.toByteArray()))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("expected: decimal exceeds precision 38");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] full = metrics.encode(SampleRecords.metricPoint());
        byte[] longer = Arrays.copyOf(full, full.length + 1);

        assertThatThrownBy(() -> metrics.decode(longer))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("1 unread bytes after the record");
    }

    @Test
    void unknownFingerprintIsRejected() {
        byte[] bytes = metrics.encode(SampleRecords.metricPoint());
        bytes[5] ^= 0x55;

        assertThatThrownBy(() -> metrics.decode(bytes))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("unknown writer schema fingerprint");
    }

    @Test
    void anotherRecordKindIsRejected() {
        byte[] metric = metrics.encode(SampleRecords.metricPoint());

        assertThatThrownBy(() -> logs.decode(metric))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("unknown writer schema fingerprint");
    }

    @Test
    void corruptedBytesDecodeOrFailWithRecordDecodingException() {
        byte[] full = logs.encode(SampleRecords.logEvent());
        for (int i = AvroBinaryCodec.HEADER_LENGTH; i < full.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] corrupt = full.clone();
                corrupt[i] ^= (byte) flip;
                decodeOrRecordDecodingException(logs, corrupt);
            }
        }
    }

    @Test
    void randomBodiesDecodeOrFailWithRecordDecodingException() {
        Random random = new Random(42);
        byte[] head = header(logs).toByteArray();
        for (int n = 0; n < 20_000; n++) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            byte[] message = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, message, head.length, body.length);
            decodeOrRecordDecodingException(logs, message);
        }
    }

    @Test
    void randomBytesAreRejected() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            byte[] message = new byte[random.nextInt(100)];
            random.nextBytes(message);
            decodeOrRecordDecodingException(metrics, message);
        }
        assertThatThrownBy(() -> metrics.decode(new byte[] {0x00, 0x01, 0x02}))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("neither Avro single-object (C3 01) nor JSON");
        assertThatThrownBy(() -> metrics.decode(new byte[0]))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("an empty message");
    }

    private static void decodeOrRecordDecodingException(RecordCodec<?> codec, byte[] message) {
        try {
            assertThat(codec.decode(message)).isNotNull();
        } catch (RecordDecodingException expected) {
            assertThat(expected.getMessage()).startsWith("Cannot decode ");
        }
    }

    private static ByteArrayOutputStream header(RecordCodec<?> codec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        long fingerprint = AvroBinaryCodec.fingerprint(codec.schema());
        for (int i = 0; i < 8; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        return out;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
    }
}
