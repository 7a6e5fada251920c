package dev.guardian.connectors.clickhouse;

import dev.guardian.connectors.common.BatchingSinkWriter;
import dev.guardian.connectors.common.RecordEncoder;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.retry.Sleeper;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * At-least-once ClickHouse sink: rows are sent when a batch is full, after the flush interval and
 * at every checkpoint. Replays write the same rows again, which the tables' ReplacingMergeTree keys
 * collapse. For exactly-once use {@link #builder()} with {@code EXACTLY_ONCE}, which builds an
 * {@link ExactlyOnceClickHouseSink}.
 */
public final class ClickHouseSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final ClickHouseSinkSettings settings;
    private final ClickHouseRowConverter<IN> converter;

    ClickHouseSink(ClickHouseSinkSettings settings, ClickHouseRowConverter<IN> converter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    public static <T> ClickHouseSinkBuilder<T> builder() {
        return new ClickHouseSinkBuilder<>();
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        ClickHouseRowConverter<IN> rows = converter;
        RecordEncoder<IN, byte[]> encoder =
                (record, out) -> out.accept(JsonEachRow.encode(rows.toRow(record)));
        return new BatchingSinkWriter<>(
                encoder,
                new ClickHouseBatchSender(
                        new ClickHouseInserter(settings.connection(), settings.table())),
                settings.batch(),
                SinkMetrics.forWriter(context.metricGroup()),
                context.getProcessingTimeService(),
                Sleeper.SYSTEM);
    }

    public ClickHouseSinkSettings settings() {
        return settings;
    }
}
