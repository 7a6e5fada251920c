package dev.guardian.connectors.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvroDeadLetterEncodingTest {

    private static final RejectedRecord REFUSED =
            new RejectedRecord(
                    "{\"value\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                    "guardian-logs",
                    -1,
                    -1,
                    "elasticsearch.document_parsing_exception",
                    "HTTP 400 for INDEX logs/1: failed to parse field [value]",
                    1_700_000_000_123L);

    @Test
    void aRejectedRecordBecomesAnAvroDeadLetterOfItsJobAndStage() {
        byte[] bytes =
                new AvroRejectedRecordEncoder("guardian-logs", "elasticsearch").encode(REFUSED);

        DeadLetter letter = RecordCodec.of(DeadLetter.class).decode(bytes);

        assertThat(letter.getOriginalBytes()).isEqualTo(ByteBuffer.wrap(REFUSED.originalBytes));
        assertThat(letter.getTopic()).isEqualTo("guardian-logs");
        assertThat(letter.getPartition()).isEqualTo(-1);
        assertThat(letter.getOffset()).isEqualTo(-1L);
        assertThat(letter.getErrorClass()).isEqualTo("elasticsearch.document_parsing_exception");
        assertThat(letter.getErrorMessage()).contains("failed to parse");
        assertThat(letter.getFailedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(letter.getJob()).isEqualTo("guardian-logs");
        assertThat(letter.getStage()).isEqualTo("elasticsearch");
    }

    @Test
    void anAvroDeadLetterIsKeyedAndRoutedByItsSource() {
        DeadLetter letter =
                new AvroRejectedRecordEncoder("job", null)
                        .toDeadLetter(
                                new RejectedRecord(
                                        new byte[] {9}, "metrics.points", 1, 5, "E", "m", 0));
        AvroDeadLetterEncoder encoder = new AvroDeadLetterEncoder();

        assertThat(encoder.deadLetterTopic(letter)).isEqualTo("metrics.points.dlq");
        assertThat(new String(encoder.key(letter), StandardCharsets.UTF_8))
                .isEqualTo("metrics.points/1@5");
        assertThat(RecordCodec.of(DeadLetter.class).decode(encoder.encode(letter)))
                .isEqualTo(letter);
    }
}
