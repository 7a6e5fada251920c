package dev.guardian.traffic.model;

/**
 * Deliberately invalid records, one per way real producers get it wrong; the metrics job must
 * dead-letter each with its reason.
 */
public enum BadRecordKind {
    /** A finite value is required. */
    NAN_VALUE,
    /** Empty in Avro (the field is required there), absent in JSON. */
    MISSING_NAME,
    /** A valid encoding cut in half: undecodable. */
    CORRUPT_BYTES,
    /** Stamped a year ahead, as from a host with a broken clock. */
    FAR_FUTURE_TIMESTAMP
}
