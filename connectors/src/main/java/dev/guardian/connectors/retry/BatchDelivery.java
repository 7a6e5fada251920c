package dev.guardian.connectors.retry;

import dev.guardian.connectors.common.SinkMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a batch through a {@link BatchSender} with the bounded exponential backoff of a {@link
 * RetryPolicy}: whole-request failures that are retryable and elements the service asked to retry
 * are sent again; anything else, or running out of retries, ends in a {@link DeliveryException}
 * naming the destination, the attempts and the last cause. Never loops forever.
 */
public final class BatchDelivery<E> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);

    private final BatchSender<E> sender;
    private final RetryPolicy policy;
    private final SinkMetrics metrics;
    private final Sleeper sleeper;

    public BatchDelivery(
            BatchSender<E> sender, RetryPolicy policy, SinkMetrics metrics, Sleeper sleeper) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Sends the batch until every element is written; throws when that cannot be done. */
    public void deliver(List<E> batch) throws DeliveryException, InterruptedException {
        deliver(batch, batch.size());
    }

    /** As {@link #deliver(List)}, counting {@code records} records sent (a batch of batches). */
    public void deliver(List<E> batch, int records) throws DeliveryException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<E> pending = batch;
        for (int attempt = 1; ; attempt++) {
            String problem;
            Throwable cause = null;
            try {
                List<E> retry = sender.send(pending);
                if (retry.isEmpty()) {
                    metrics.batchSent(records, (System.nanoTime() - start) / 1_000_000);
                    return;
                }
                problem = retry.size() + " of " + pending.size() + " elements were refused";
                pending = retry;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                cause = e;
                problem = e.toString();
                if (!sender.isRetryable(e)) {
                    metrics.failure();
                    throw new DeliveryException(
                            sender.destination()
                                    + ": write of "
                                    + pending.size()
                                    + " elements failed and is not retryable: "
                                    + e,
                            e);
                }
            }
            if (attempt > policy.maxRetries()) {
                metrics.failure();
                throw new DeliveryException(
                        sender.destination()
                                + ": write of "
                                + pending.size()
                                + " elements still failing after "
                                + attempt
                                + " attempts ("
                                + policy
                                + "); last problem: "
                                + problem,
                        cause);
            }
            Duration wait = policy.backoffBeforeRetry(attempt);
            LOG.warn(
                    "{}: attempt {} failed ({}); retrying in {} ms",
                    sender.destination(),
                    attempt,
                    problem,
                    wait.toMillis());
            metrics.retry();
            sleeper.sleep(wait);
        }
    }
}
