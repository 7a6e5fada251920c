package dev.guardian.connectors.retry;

import java.util.List;

/**
 * Sends one batch to a service. The single place where a sink talks to its service, so that the
 * retry loop, the metrics and the failure messages are shared.
 *
 * @param <E> an element of a batch (a row, a line, a bulk operation)
 */
public interface BatchSender<E> extends AutoCloseable {

    /**
     * Sends the batch.
     *
     * @return the elements that failed for a reason worth retrying (e.g. per-item 429 in a bulk
     *     response); empty when every element is written or has been handed to a dead-letter path
     * @throws Exception when the whole request failed; {@link #isRetryable} decides what happens
     */
    List<E> send(List<E> batch) throws Exception;

    /** Whether a failure of the whole request is transient (connection refused, 429, 5xx). */
    boolean isRetryable(Throwable failure);

    /** A short human name of the destination for error messages, e.g. "ClickHouse guardian.t". */
    String destination();
}
