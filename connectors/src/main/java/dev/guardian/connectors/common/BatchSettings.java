package dev.guardian.connectors.common;

import dev.guardian.connectors.retry.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;

/**
 * When a sink sends: after {@code maxBatchSize} records, after {@code flushInterval} of processing
 * time with records waiting, and always at a checkpoint; how it retries: {@link RetryPolicy}.
 */
public final class BatchSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final BatchSettings DEFAULT =
            new BatchSettings(
                    SinkOptions.BATCH_SIZE.defaultValue(),
                    SinkOptions.FLUSH_INTERVAL.defaultValue(),
                    RetryPolicy.DEFAULT);

    private final int maxBatchSize;
    private final Duration flushInterval;
    private final RetryPolicy retryPolicy;

    public BatchSettings(int maxBatchSize, Duration flushInterval, RetryPolicy retryPolicy) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        }
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be > 0, was " + flushInterval);
        }
        this.maxBatchSize = maxBatchSize;
        this.flushInterval = flushInterval;
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /** Reads {@link SinkOptions} (defaults where unset). */
    public static BatchSettings fromConfig(ReadableConfig config) {
        return new BatchSettings(
                config.get(SinkOptions.BATCH_SIZE),
                config.get(SinkOptions.FLUSH_INTERVAL),
                RetryPolicy.of(
                        config.get(SinkOptions.MAX_RETRIES),
                        config.get(SinkOptions.RETRY_INITIAL_BACKOFF),
                        config.get(SinkOptions.RETRY_MAX_BACKOFF)));
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public Duration flushInterval() {
        return flushInterval;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public BatchSettings withMaxBatchSize(int size) {
        return new BatchSettings(size, flushInterval, retryPolicy);
    }

    public BatchSettings withFlushInterval(Duration interval) {
        return new BatchSettings(maxBatchSize, interval, retryPolicy);
    }

    public BatchSettings withRetryPolicy(RetryPolicy policy) {
        return new BatchSettings(maxBatchSize, flushInterval, policy);
    }

    @Override
    public String toString() {
        return "BatchSettings{maxBatchSize="
                + maxBatchSize
                + ", flushInterval="
                + flushInterval
                + ", "
                + retryPolicy
                + '}';
    }
}
