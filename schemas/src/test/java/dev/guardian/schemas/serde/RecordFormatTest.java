package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

    @Test
    void detectsByFirstBytes() {
        assertThat(RecordFormat.detect(new byte[] {(byte) 0xC3, 0x01, 0}))
                .isEqualTo(RecordFormat.AVRO);
        assertThat(RecordFormat.detect(utf8(" \r\n\t{}"))).isEqualTo(RecordFormat.JSON);
        assertThat(RecordFormat.detect(utf8("[{}]"))).isEqualTo(RecordFormat.JSON);
        assertThat(RecordFormat.detect(utf8("\uFEFF{}"))).isEqualTo(RecordFormat.JSON);
        assertThat(RecordFormat.detect(utf8("2024-09-18 ERROR boom")))
                .isEqualTo(RecordFormat.UNKNOWN);
        assertThat(RecordFormat.detect(new byte[] {(byte) 0xC3})).isEqualTo(RecordFormat.UNKNOWN);
        assertThat(RecordFormat.detect(new byte[0])).isEqualTo(RecordFormat.UNKNOWN);
        assertThat(RecordFormat.detect(null)).isEqualTo(RecordFormat.UNKNOWN);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
