package dev.guardian.schemas.serde;

/**
 * A record that does not satisfy its own schema, e.g. a required field left null or an amount that
 * does not fit decimal(38,18). A programming error in the producing step, not bad input.
 */
public class RecordEncodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordEncodingException(String recordName, String reason, Throwable cause) {
        super("Cannot encode " + recordName + ": " + reason, cause);
    }
}
