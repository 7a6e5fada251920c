package dev.guardian.connectors.clickhouse;

import dev.guardian.connectors.retry.BatchSender;
import java.util.List;

/** Sends JSONEachRow lines without a deduplication token (at-least-once mode). */
final class ClickHouseBatchSender implements BatchSender<byte[]> {

    private final ClickHouseInserter inserter;

    ClickHouseBatchSender(ClickHouseInserter inserter) {
        this.inserter = inserter;
    }

    @Override
    public List<byte[]> send(List<byte[]> batch) throws Exception {
        inserter.insert(batch, null);
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
