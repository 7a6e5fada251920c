package dev.guardian.connectors.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Writes a {@link RejectedRecord} as a JSON object with DESIGN §3's fields: {@code original}
 * (base64), {@code topic}, {@code partition}, {@code offset}, {@code errorClass}, {@code
 * errorMessage}, {@code time} (epoch ms). For consumers that prefer JSON, and until the Avro
 * DeadLetter is wired in.
 */
public final class JsonRejectedRecordEncoder implements DeadLetterEncoder<RejectedRecord> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String sourceTopic(RejectedRecord deadLetter) {
        return deadLetter.sourceTopic;
    }

    @Override
    public int sourcePartition(RejectedRecord deadLetter) {
        return deadLetter.sourcePartition;
    }

    @Override
    public long sourceOffset(RejectedRecord deadLetter) {
        return deadLetter.sourceOffset;
    }

    @Override
    public byte[] encode(RejectedRecord deadLetter) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("original", deadLetter.originalBytes);
        json.put("topic", deadLetter.sourceTopic);
        json.put("partition", deadLetter.sourcePartition);
        json.put("offset", deadLetter.sourceOffset);
        json.put("errorClass", deadLetter.errorClass);
        json.put("errorMessage", deadLetter.errorMessage);
        json.put("time", deadLetter.rejectedAtMillis);
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
