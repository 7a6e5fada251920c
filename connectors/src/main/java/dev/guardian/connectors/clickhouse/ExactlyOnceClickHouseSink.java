package dev.guardian.connectors.clickhouse;

import dev.guardian.connectors.common.SinkMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Exactly-once ClickHouse sink (two-phase): the writer turns the rows of each checkpoint into
 * committables with deterministic {@code insert_deduplication_token}s; the committer inserts them
 * after the checkpoint completes, and again after a restore if needed, which ClickHouse
 * deduplicates. Rows become visible at checkpoint completion. Tables must set {@code
 * non_replicated_deduplication_window} (or be Replicated).
 */
public final class ExactlyOnceClickHouseSink<IN>
        implements Sink<IN>,
                SupportsCommitter<ClickHouseCommittable>,
                SupportsWriterState<IN, ClickHouseWriterState> {

    private static final long serialVersionUID = 1L;

    private final ClickHouseSinkSettings settings;
    private final ClickHouseRowConverter<IN> converter;

    ExactlyOnceClickHouseSink(
            ClickHouseSinkSettings settings, ClickHouseRowConverter<IN> converter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    @Override
    public CommittingSinkWriter<IN, ClickHouseCommittable> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public ExactlyOnceClickHouseWriter<IN> restoreWriter(
            WriterInitContext context, Collection<ClickHouseWriterState> recoveredState) {
        // after a scale-in one subtask gets several states: any one run id keeps tokens unique,
        // the smallest keeps the choice deterministic
        String runId =
                recoveredState.stream()
                        .map(ClickHouseWriterState::runId)
                        .sorted()
                        .findFirst()
                        .orElseGet(() -> UUID.randomUUID().toString().substring(0, 13));
        return new ExactlyOnceClickHouseWriter<>(
                converter,
                settings.dedupTokenPrefix(),
                runId,
                context.getTaskInfo().getIndexOfThisSubtask(),
                context.getRestoredCheckpointId().orElse(0L),
                settings.batch().maxBatchSize());
    }

    @Override
    public SimpleVersionedSerializer<ClickHouseWriterState> getWriterStateSerializer() {
        return new ClickHouseWriterState.Serializer();
    }

    @Override
    public Committer<ClickHouseCommittable> createCommitter(CommitterInitContext context) {
        return new ClickHouseCommitter(
                new ClickHouseInserter(settings.connection(), settings.table()),
                settings.batch().retryPolicy(),
                SinkMetrics.forGroup(context.metricGroup()));
    }

    @Override
    public SimpleVersionedSerializer<ClickHouseCommittable> getCommittableSerializer() {
        return new ClickHouseCommittableSerializer();
    }

    public ClickHouseSinkSettings settings() {
        return settings;
    }
}
