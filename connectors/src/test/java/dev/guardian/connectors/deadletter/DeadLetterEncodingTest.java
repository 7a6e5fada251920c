package dev.guardian.connectors.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterEncodingTest {

    private static final RejectedRecord BAD =
            RejectedRecord.of(
                    new byte[] {1, 2, (byte) 0xff},
                    "metrics.points",
                    3,
                    42L,
                    new IllegalArgumentException("value is NaN"),
                    1_700_000_000_000L);

    @Test
    void goesToTheSourceTopicsDlqKeyedByItsCoordinates() {
        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializationSchema<>(new JsonRejectedRecordEncoder(), null)
                        .serialize(BAD, null, 5L);

        assertThat(record.topic()).isEqualTo("metrics.points.dlq");
        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo("metrics.points/3@42");
        assertThat(record.timestamp()).isEqualTo(5L);
    }

    @Test
    void aFixedTopicOverridesTheNaming() {
        assertThat(
                        new DeadLetterSerializationSchema<>(
                                        new JsonRejectedRecordEncoder(), "all.dlq")
                                .serialize(BAD, null, null)
                                .topic())
                .isEqualTo("all.dlq");
        assertThat(DeadLetterTopics.forSource("x.dlq")).isEqualTo("x.dlq");
    }

    @Test
    void jsonKeepsTheOriginalBytesAndTheReason() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonRejectedRecordEncoder().encode(BAD));

        assertThat(json.get("original").binaryValue()).containsExactly(1, 2, 0xff);
        assertThat(json.get("topic").asText()).isEqualTo("metrics.points");
        assertThat(json.get("partition").asInt()).isEqualTo(3);
        assertThat(json.get("offset").asLong()).isEqualTo(42L);
        assertThat(json.get("errorClass").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(json.get("errorMessage").asText()).isEqualTo("value is NaN");
        assertThat(json.get("time").asLong()).isEqualTo(1_700_000_000_000L);
    }
}
