package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedBinaryDecoderTest {

    @Test
    void sizedBlocksAreReadAndSkipped() throws IOException {
        // array of longs as one sized block: count -2 (zigzag 3), size 2 bytes, items 1 and 2, end
        // 0
        byte[] bytes = {3, 4, 2, 4, 0, 42};

        BoundedBinaryDecoder reading = new BoundedBinaryDecoder(bytes, 0, bytes.length);
        assertThat(reading.readArrayStart()).isEqualTo(2);
        assertThat(reading.readLong()).isEqualTo(1);
        assertThat(reading.readLong()).isEqualTo(2);
        assertThat(reading.arrayNext()).isZero();
        assertThat(reading.readLong()).isEqualTo(21);

        BoundedBinaryDecoder skipping = new BoundedBinaryDecoder(bytes, 0, bytes.length);
        assertThat(skipping.skipArray()).isZero();
        assertThat(skipping.readLong()).isEqualTo(21);
    }

    @Test
    void impossibleBlockSizeIsRejected() {
        byte[] bytes = {3, 100, 2, 4, 0};

        assertThatThrownBy(() -> new BoundedBinaryDecoder(bytes, 0, bytes.length).skipMap())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("map block size 50 is invalid");
    }

    @Test
    void overlongVarintIsRejected() {
        byte[] bytes = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1};

        assertThatThrownBy(() -> new BoundedBinaryDecoder(bytes, 0, bytes.length).readLong())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("longer than 10 bytes");
    }

    @Test
    void invalidBooleanAndShortDoubleAreRejected() {
        assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[] {2}, 0, 1).readBoolean())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("invalid boolean byte 2");
        assertThatThrownBy(() -> new BoundedBinaryDecoder(new byte[4], 0, 4).readDouble())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("double needs 8 bytes");
    }

    @Test
    void respectsTheGivenWindowOfTheArray() throws IOException {
        byte[] bytes = {99, 4, 'h', 'i', 99}; // length 2 is zigzag 4
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes, 1, 3);

        assertThat(decoder.readString()).isEqualTo("hi");
        assertThat(decoder.remaining()).isZero();
    }
}
