package dev.guardian.schemas.serde;

/**
 * Bytes that are not a valid record of the expected kind: truncated or corrupt Avro, an unknown
 * writer schema, malformed JSON, a missing required field or a field of the wrong type.
 *
 * <p>Jobs send the input to the dead-letter topic with {@link #getMessage()} as the reason; the
 * message names the record and, where known, the field.
 */
public class RecordDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String recordName;
    private final String field;

    public RecordDecodingException(String recordName, String field, String reason) {
        this(recordName, field, reason, null);
    }

    public RecordDecodingException(
            String recordName, String field, String reason, Throwable cause) {
        super(describe(recordName, field, reason), cause);
        this.recordName = recordName;
        this.field = field;
    }

    /** Simple name of the record being decoded, e.g. {@code LogEvent}. */
    public String recordName() {
        return recordName;
    }

    /**
     * Path of the offending field, e.g. {@code points[2].expected}, or null if not field-specific.
     */
    public String field() {
        return field;
    }

    private static String describe(String recordName, String field, String reason) {
        return field == null
                ? "Cannot decode " + recordName + ": " + reason
                : "Cannot decode " + recordName + ", field '" + field + "': " + reason;
    }
}
