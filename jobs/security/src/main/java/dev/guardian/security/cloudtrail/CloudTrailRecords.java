package dev.guardian.security.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one message into CloudTrail records: a single record, or the {@code {"Records": [...]}}
 * envelope CloudTrail writes to S3 (also a bare JSON array of records). Every record must be a JSON
 * object with an {@code eventName}; the ones that are not come back as rejects with the reason,
 * while the good records of the same envelope go on.
 */
public final class CloudTrailRecords {

    /** Messages above this size are rejected whole (CloudTrail's own events are below 256 KB). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 << 20;

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /**
     * The records of one message and the reasons some of it was rejected; {@code whole} when the
     * message is a single record, not an envelope or a list.
     */
    public record Batch(List<JsonNode> records, List<String> rejects, boolean whole) {

        public Batch(List<JsonNode> records, List<String> rejects) {
            this(records, rejects, false);
        }
    }

    private final int maxMessageBytes;

    public CloudTrailRecords() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public CloudTrailRecords(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public Batch parse(byte[] message) {
        if (message.length > maxMessageBytes) {
            return rejected(
                    "message of "
                            + message.length
                            + " bytes exceeds the limit of "
                            + maxMessageBytes
                            + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return rejected("invalid JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            return rejected("unreadable message: " + e.getMessage());
        }
        return split(root);
    }

    public Batch parse(String message) {
        return parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Splits an already parsed message. */
    public Batch split(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return rejected("empty message");
        }
        JsonNode records = root;
        if (root.isObject() && root.has("Records")) {
            records = root.get("Records");
            if (!records.isArray()) {
                return rejected("'Records' is not a list");
            }
        }
        if (!records.isArray()) {
            String problem = problem(records);
            return problem == null
                    ? new Batch(List.of(records), List.of(), true)
                    : rejected(problem);
        }
        List<JsonNode> good = new ArrayList<>(records.size());
        List<String> rejects = new ArrayList<>();
        int index = 0;
        for (JsonNode record : records) {
            String problem = problem(record);
            if (problem == null) {
                good.add(record);
            } else {
                rejects.add("record " + index + " of the envelope: " + problem);
            }
            index++;
        }
        return new Batch(good, rejects);
    }

    /** Why {@code record} is not a CloudTrail record, or null. */
    static String problem(JsonNode record) {
        if (!record.isObject()) {
            return "a CloudTrail record must be a JSON object, found " + record.getNodeType();
        }
        JsonNode name = record.get("eventName");
        if (name == null || name.isNull()) {
            return "record has no eventName";
        }
        if (!name.isTextual() || name.textValue().isBlank()) {
            return "eventName is not a non-empty string";
        }
        return null;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    }

    private static Batch rejected(String reason) {
        return new Batch(List.of(), List.of(reason));
    }
}
