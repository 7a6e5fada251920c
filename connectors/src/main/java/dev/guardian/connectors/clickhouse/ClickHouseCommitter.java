package dev.guardian.connectors.clickhouse;

import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.retry.BatchDelivery;
import dev.guardian.connectors.retry.BatchSender;
import dev.guardian.connectors.retry.RetryPolicy;
import dev.guardian.connectors.retry.Sleeper;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;

/**
 * Inserts each committable with its deduplication token, retrying transient failures with backoff.
 * Committing the same committable twice (a restore re-commits what the last checkpoint held) is
 * harmless: ClickHouse drops a block whose token it has seen within the table's {@code
 * non_replicated_deduplication_window}.
 */
public final class ClickHouseCommitter implements Committer<ClickHouseCommittable> {

    private final ClickHouseInserter inserter;
    private final BatchDelivery<ClickHouseCommittable> delivery;

    public ClickHouseCommitter(
            ClickHouseInserter inserter, RetryPolicy retryPolicy, SinkMetrics metrics) {
        this(inserter, retryPolicy, metrics, Sleeper.SYSTEM);
    }

    ClickHouseCommitter(
            ClickHouseInserter inserter,
            RetryPolicy retryPolicy,
            SinkMetrics metrics,
            Sleeper sleeper) {
        this.inserter = inserter;
        this.delivery =
                new BatchDelivery<>(new CommittableSender(inserter), retryPolicy, metrics, sleeper);
    }

    @Override
    public void commit(Collection<CommitRequest<ClickHouseCommittable>> requests)
            throws IOException, InterruptedException {
        for (CommitRequest<ClickHouseCommittable> request : requests) {
            ClickHouseCommittable committable = request.getCommittable();
            delivery.deliver(List.of(committable), committable.rowCount());
        }
    }

    /** Inserts one committable directly; what {@link #commit} does for each request. */
    public void commitOne(ClickHouseCommittable committable)
            throws IOException, InterruptedException {
        delivery.deliver(List.of(committable), committable.rowCount());
    }

    @Override
    public void close() {
        inserter.close();
    }

    private static final class CommittableSender implements BatchSender<ClickHouseCommittable> {
        private final ClickHouseInserter inserter;

        CommittableSender(ClickHouseInserter inserter) {
            this.inserter = inserter;
        }

        @Override
        public List<ClickHouseCommittable> send(List<ClickHouseCommittable> batch)
                throws Exception {
            for (ClickHouseCommittable committable : batch) {
                inserter.insert(List.of(committable.body()), committable.dedupToken());
            }
            return List.of();
        }

        @Override
        public boolean isRetryable(Throwable failure) {
            return ClickHouseInserter.isRetryable(failure);
        }

        @Override
        public String destination() {
            return inserter.destination();
        }

        @Override
        public void close() {
            inserter.close();
        }
    }
}
