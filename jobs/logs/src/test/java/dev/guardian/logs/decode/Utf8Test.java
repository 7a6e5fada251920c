package dev.guardian.logs.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsUtf8AndRefusesWhatIsNot() {
        assertThat(Utf8.isValid("ascii, é, €, 𝄞".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isValid(new byte[] {'a', (byte) 0xE9, 'b'})).isFalse(); // Latin-1
        assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80})).isFalse(); // overlong
        assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .isFalse(); // surrogate
        assertThat(Utf8.isValid(new byte[] {(byte) 0xE2, (byte) 0x82})).isFalse(); // cut short
    }

    @Test
    void lengthAndPrefixCountUtf8BytesWithoutSplittingCharacters() {
        String s = "aé€𝄞";
        assertThat(Utf8.length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Utf8.prefix(s, 6)).isEqualTo("aé€");
        assertThat(Utf8.prefix(s, 9)).isEqualTo("aé€");
        assertThat(Utf8.prefix(s, 10)).isEqualTo(s);
    }
}
