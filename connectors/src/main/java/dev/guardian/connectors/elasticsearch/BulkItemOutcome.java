package dev.guardian.connectors.elasticsearch;

/** What to do with one item of a bulk response. */
public enum BulkItemOutcome {
    /** Written now. */
    WRITTEN,
    /** A {@code create} that found the id taken: written by an earlier attempt or run. */
    ALREADY_WRITTEN,
    /** Transient (429 rejected execution, 5xx): send again after a backoff. */
    RETRY,
    /** Permanent (400 mapping error, 404 …): goes to the dead-letter path, or fails the job. */
    REJECT;

    public static BulkItemOutcome of(ElasticsearchDocument.OpType op, int status) {
        if (status >= 200 && status < 300) {
            return WRITTEN;
        }
        if (status == 409 && op == ElasticsearchDocument.OpType.CREATE) {
            return ALREADY_WRITTEN;
        }
        if (status == 429 || status >= 500) {
            return RETRY;
        }
        return REJECT;
    }
}
