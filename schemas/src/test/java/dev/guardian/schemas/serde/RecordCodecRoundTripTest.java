package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.SampleRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCodecRoundTripTest {

    static Stream<SpecificRecord> records() {
        return SampleRecords.all().stream();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> RecordCodec<T> codecFor(T record) {
        return RecordCodec.of((Class<T>) record.getClass());
    }

    @ParameterizedTest
    @MethodSource("records")
    <T extends SpecificRecord> void avroRoundTrip(T record) {
        RecordCodec<T> codec = codecFor(record);

        byte[] bytes = codec.encode(record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(RecordFormat.detect(bytes)).isEqualTo(RecordFormat.AVRO);
        assertThat(codec.decodeAvro(bytes)).isEqualTo(record);
        assertThat(codec.decode(bytes)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    <T extends SpecificRecord> void jsonRoundTrip(T record) {
        RecordCodec<T> codec = codecFor(record);

        String json = codec.toJson(record);

        assertThat(RecordFormat.detect(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(RecordFormat.JSON);
        assertThat(codec.decodeJson(json)).isEqualTo(record);
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    <T extends SpecificRecord> void codecSurvivesJavaSerialization(T record) throws Exception {
        RecordCodec<T> codec = codecFor(record);
        byte[] written = codec.encode(record);

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(codec);
        }
        @SuppressWarnings("unchecked")
        RecordCodec<T> copy =
                (RecordCodec<T>)
                        new ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))
                                .readObject();

        assertThat(copy.decode(written)).isEqualTo(record);
        assertThat(copy.decodeJson(codec.toJson(record))).isEqualTo(record);
    }
}
