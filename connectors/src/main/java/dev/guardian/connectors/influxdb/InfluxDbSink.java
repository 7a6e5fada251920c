package dev.guardian.connectors.influxdb;

import dev.guardian.connectors.common.BatchSettings;
import dev.guardian.connectors.common.BatchingSinkWriter;
import dev.guardian.connectors.common.RecordEncoder;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.retry.RetryPolicy;
import dev.guardian.connectors.retry.Sleeper;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;

/**
 * InfluxDB 1.x sink: records become points ({@link InfluxPointConverter}), points become
 * line-protocol lines, lines are posted to {@code /write} in batches (size, interval, every
 * checkpoint) with bounded retries. At-least-once delivery is exactly-once as seen by a query,
 * because a point with the same series and time overwrites itself.
 */
public final class InfluxDbSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final InfluxDbConnection connection;
    private final InfluxPointConverter<IN> converter;
    private final BatchSettings batch;

    private InfluxDbSink(
            InfluxDbConnection connection,
            InfluxPointConverter<IN> converter,
            BatchSettings batch) {
        this.connection = connection;
        this.converter = converter;
        this.batch = batch;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        InfluxPointConverter<IN> points = converter;
        RecordEncoder<IN, String> encoder =
                (record, out) -> {
                    for (InfluxPoint point : points.toPoints(record)) {
                        out.accept(LineProtocol.format(point));
                    }
                };
        return new BatchingSinkWriter<>(
                encoder,
                new InfluxDbWriter(connection),
                batch,
                SinkMetrics.forWriter(context.metricGroup()),
                context.getProcessingTimeService(),
                Sleeper.SYSTEM);
    }

    public InfluxDbConnection connection() {
        return connection;
    }

    public BatchSettings batchSettings() {
        return batch;
    }

    /** Builds an {@link InfluxDbSink}; url and database default to {@link InfluxDbOptions}. */
    public static final class Builder<IN> {
        private InfluxDbConnection connection =
                InfluxDbConnection.of(
                        InfluxDbOptions.URL.defaultValue(),
                        InfluxDbOptions.DATABASE.defaultValue());
        private InfluxPointConverter<IN> converter;
        private BatchSettings batch = BatchSettings.DEFAULT;

        private Builder() {}

        /** All {@link InfluxDbOptions} and the batch/retry options under {@code influxdb.}. */
        public Builder<IN> fromConfig(Configuration config) {
            connection = InfluxDbConnection.fromConfig(config);
            batch =
                    BatchSettings.fromConfig(
                            new DelegatingConfiguration(config, InfluxDbOptions.PREFIX));
            return this;
        }

        public Builder<IN> setConnection(InfluxDbConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
            return this;
        }

        public Builder<IN> setUrlAndDatabase(String url, String database) {
            this.connection = InfluxDbConnection.of(url, database);
            return this;
        }

        public Builder<IN> setConverter(InfluxPointConverter<IN> converter) {
            this.converter = converter;
            return this;
        }

        public Builder<IN> setBatchSettings(BatchSettings batch) {
            this.batch = Objects.requireNonNull(batch, "batch");
            return this;
        }

        public Builder<IN> setMaxBatchSize(int points) {
            batch = batch.withMaxBatchSize(points);
            return this;
        }

        public Builder<IN> setFlushInterval(Duration interval) {
            batch = batch.withFlushInterval(interval);
            return this;
        }

        public Builder<IN> setRetryPolicy(RetryPolicy policy) {
            batch = batch.withRetryPolicy(policy);
            return this;
        }

        public InfluxDbSink<IN> build() {
            if (converter == null) {
                throw new IllegalStateException("InfluxDB sink needs a point converter");
            }
            return new InfluxDbSink<>(connection, converter, batch);
        }
    }
}
