package dev.guardian.connectors.clickhouse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;

/**
 * Holds rows until the next checkpoint, then hands them to the committer as committables of at most
 * {@code maxBatchSize} rows, each with its deduplication token (see {@link DedupTokens}).
 *
 * <p>Flink does not tell {@code prepareCommit} which checkpoint it serves; the writer numbers them
 * itself: one more than the last snapshotted (or restored) checkpoint id, and strictly rising. That
 * equals Flink's id in normal operation and never repeats a number within a run: committables of
 * checkpoints up to the restored one are already in state with their tokens, and later ones start
 * above it.
 */
public final class ExactlyOnceClickHouseWriter<IN>
        implements CommittingSinkWriter<IN, ClickHouseCommittable>,
                StatefulSinkWriter<IN, ClickHouseWriterState> {

    private final ClickHouseRowConverter<IN> converter;
    private final String prefix;
    private final String runId;
    private final int subtask;
    private final int maxBatchSize;
    private final List<byte[]> rows = new ArrayList<>();
    private long lastSnapshotCheckpoint;
    private long lastPreparedCheckpoint;

    public ExactlyOnceClickHouseWriter(
            ClickHouseRowConverter<IN> converter,
            String prefix,
            String runId,
            int subtask,
            long restoredCheckpoint,
            int maxBatchSize) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.prefix = DedupTokens.checkPrefix(prefix);
        this.runId = Objects.requireNonNull(runId, "runId");
        this.subtask = subtask;
        this.lastSnapshotCheckpoint = restoredCheckpoint;
        this.lastPreparedCheckpoint = restoredCheckpoint;
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public void write(IN element, Context context) {
        rows.add(JsonEachRow.encode(converter.toRow(element)));
    }

    @Override
    public void flush(boolean endOfInput) {
        // rows leave at prepareCommit, bound to a checkpoint
    }

    @Override
    public Collection<ClickHouseCommittable> prepareCommit() {
        long checkpoint = Math.max(lastSnapshotCheckpoint, lastPreparedCheckpoint) + 1;
        lastPreparedCheckpoint = checkpoint;
        List<ClickHouseCommittable> committables = new ArrayList<>();
        int sequence = 0;
        for (int from = 0; from < rows.size(); from += maxBatchSize) {
            List<byte[]> batch = rows.subList(from, Math.min(rows.size(), from + maxBatchSize));
            committables.add(
                    new ClickHouseCommittable(
                            DedupTokens.token(prefix, runId, subtask, checkpoint, sequence++),
                            batch.size(),
                            JsonEachRow.concat(batch)));
        }
        rows.clear();
        return committables;
    }

    @Override
    public List<ClickHouseWriterState> snapshotState(long checkpointId) {
        lastSnapshotCheckpoint = checkpointId;
        return List.of(new ClickHouseWriterState(runId));
    }

    /** Rows waiting for the next checkpoint. */
    public int bufferedRows() {
        return rows.size();
    }

    @Override
    public void close() {
        rows.clear();
    }
}
