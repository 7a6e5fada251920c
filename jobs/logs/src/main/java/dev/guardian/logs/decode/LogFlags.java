package dev.guardian.logs.decode;

/**
 * What decoding repaired on a line instead of dropping it, one home for the words. They travel on
 * the record ({@code LogRecord.flags}), are searchable in Elasticsearch ({@code tags}) and are
 * counted per kind in the metric group {@code decode}.
 */
public final class LogFlags {

    /** Bytes that are not UTF-8 were replaced by U+FFFD. */
    public static final String INVALID_UTF8 = "invalid_utf8";

    /** The message was longer than the limit and was cut, with a marker at the end. */
    public static final String MESSAGE_TRUNCATED = "message_truncated";

    /** Attributes beyond the count limit were dropped, or long values cut. */
    public static final String ATTRIBUTES_TRUNCATED = "attributes_truncated";

    /** No timestamp: the line has the time the job received it. */
    public static final String TIMESTAMP_MISSING = "timestamp_missing";

    /**
     * A timestamp that is not a time: ingest time instead, the text kept in attribute {@link
     * #ORIGINAL_TIMESTAMP}.
     */
    public static final String TIMESTAMP_UNPARSABLE = "timestamp_unparsable";

    /**
     * A timestamp further ahead than the allowed clock skew: ingest time instead (a wrong clock
     * must not drag event time forward for every service), the original kept in {@link
     * #ORIGINAL_TIMESTAMP}.
     */
    public static final String TIMESTAMP_IN_FUTURE = "timestamp_in_future";

    /**
     * A severity word the job does not know: severity UNKNOWN, the word in {@link #ORIGINAL_LEVEL}.
     */
    public static final String SEVERITY_UNKNOWN = "severity_unknown";

    /** Neither Avro nor JSON: the whole text is the message (a shipper sending raw lines). */
    public static final String RAW_TEXT = "raw_text";

    /** Attribute keeping a replaced timestamp as it was sent. */
    public static final String ORIGINAL_TIMESTAMP = "log.original_timestamp";

    /** Attribute keeping an unknown severity word as it was sent. */
    public static final String ORIGINAL_LEVEL = "log.original_level";

    public static final String[] ALL = {
        INVALID_UTF8,
        MESSAGE_TRUNCATED,
        ATTRIBUTES_TRUNCATED,
        TIMESTAMP_MISSING,
        TIMESTAMP_UNPARSABLE,
        TIMESTAMP_IN_FUTURE,
        SEVERITY_UNKNOWN,
        RAW_TEXT
    };

    private LogFlags() {}
}
