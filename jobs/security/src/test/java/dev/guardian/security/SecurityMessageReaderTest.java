package dev.guardian.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecurityMessageReaderTest {

    /** One record as a producer might write it: spaced out, keys in its own order. */
    private static final String RECORD =
            "{ \"eventName\" : \"GetObject\",\n  \"eventTime\": \"2024-05-01T10:00:00Z\","
                    + " \"eventSource\":\"s3.amazonaws.com\", \"eventID\": \"e-1\" }";

    private final SecurityMessageReader reader =
            new SecurityMessageReader(CloudTrailRecords.DEFAULT_MAX_MESSAGE_BYTES);

    private SecurityMessage read(String message) {
        return reader.read(RawRecord.of(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aOneRecordMessageIsKeptAsItCame() {
        SecurityMessage m = read("\uFEFF\n  " + RECORD + "\r\n");
        assertThat(m.rejects()).isEmpty();
        assertThat(m.events()).extracting(SecurityEvent::getOriginalJson).containsExactly(RECORD);
    }

    @Test
    void recordsOfAnEnvelopeAreCutOutOfIt() {
        SecurityMessage m = read("{\"Records\": [" + RECORD + ", {\"eventTime\": \"x\"}]}");
        assertThat(m.rejects()).hasSize(1);
        assertThat(m.events())
                .extracting(SecurityEvent::getOriginalJson)
                .containsExactly(
                        "{\"eventName\":\"GetObject\",\"eventTime\":\"2024-05-01T10:00:00Z\","
                                + "\"eventSource\":\"s3.amazonaws.com\",\"eventID\":\"e-1\"}");
    }
}
