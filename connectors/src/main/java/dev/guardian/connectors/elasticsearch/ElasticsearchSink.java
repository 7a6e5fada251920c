package dev.guardian.connectors.elasticsearch;

import dev.guardian.connectors.common.BatchSettings;
import dev.guardian.connectors.common.BatchingSinkWriter;
import dev.guardian.connectors.common.RecordEncoder;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.deadletter.DeadLetterPublisher;
import dev.guardian.connectors.deadletter.RejectedRecord;
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
 * Elasticsearch sink on {@code elasticsearch-java}: records become documents with deterministic ids
 * ({@link ElasticsearchDocumentConverter}), sent in bulk requests (size, interval, every
 * checkpoint). Items refused for a transient reason are retried with backoff; items refused for
 * good go to the dead-letter publisher. Replays rewrite (index) or are acknowledged as present
 * (create → 409), so nothing is counted twice.
 */
public final class ElasticsearchSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final ElasticsearchConnection connection;
    private final ElasticsearchDocumentConverter<IN> converter;
    private final BatchSettings batch;
    private final DeadLetterPublisher<RejectedRecord> deadLetters;

    private ElasticsearchSink(
            ElasticsearchConnection connection,
            ElasticsearchDocumentConverter<IN> converter,
            BatchSettings batch,
            DeadLetterPublisher<RejectedRecord> deadLetters) {
        this.connection = connection;
        this.converter = converter;
        this.batch = batch;
        this.deadLetters = deadLetters;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        ElasticsearchDocumentConverter<IN> documents = converter;
        RecordEncoder<IN, ElasticsearchDocument> encoder =
                (record, out) -> out.accept(documents.toDocument(record));
        SinkMetrics metrics = SinkMetrics.forWriter(context.metricGroup());
        return new BatchingSinkWriter<>(
                encoder,
                new ElasticsearchBulkSender(
                        connection, deadLetters == null ? null : deadLetters.open(), metrics),
                batch,
                metrics,
                context.getProcessingTimeService(),
                Sleeper.SYSTEM);
    }

    public ElasticsearchConnection connection() {
        return connection;
    }

    public BatchSettings batchSettings() {
        return batch;
    }

    /** Builds an {@link ElasticsearchSink}. */
    public static final class Builder<IN> {
        private ElasticsearchConnection connection =
                ElasticsearchConnection.of(
                        ElasticsearchOptions.HOSTS.defaultValue().toArray(new String[0]));
        private ElasticsearchDocumentConverter<IN> converter;
        private BatchSettings batch = BatchSettings.DEFAULT.withMaxBatchSize(1_000);
        private DeadLetterPublisher<RejectedRecord> deadLetters;

        private Builder() {}

        /** All {@link ElasticsearchOptions} and the batch/retry options under the prefix. */
        public Builder<IN> fromConfig(Configuration config) {
            connection = ElasticsearchConnection.fromConfig(config);
            batch =
                    BatchSettings.fromConfig(
                            new DelegatingConfiguration(config, ElasticsearchOptions.PREFIX));
            return this;
        }

        public Builder<IN> setHosts(String... hosts) {
            connection = ElasticsearchConnection.of(hosts);
            return this;
        }

        public Builder<IN> setConnection(ElasticsearchConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
            return this;
        }

        public Builder<IN> setConverter(ElasticsearchDocumentConverter<IN> converter) {
            this.converter = converter;
            return this;
        }

        /** Where refused documents go; without one a refused document fails the job. */
        public Builder<IN> setDeadLetterPublisher(DeadLetterPublisher<RejectedRecord> publisher) {
            this.deadLetters = publisher;
            return this;
        }

        public Builder<IN> setBatchSettings(BatchSettings batch) {
            this.batch = Objects.requireNonNull(batch, "batch");
            return this;
        }

        public Builder<IN> setMaxBatchSize(int documents) {
            batch = batch.withMaxBatchSize(documents);
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

        public ElasticsearchSink<IN> build() {
            if (converter == null) {
                throw new IllegalStateException("Elasticsearch sink needs a document converter");
            }
            return new ElasticsearchSink<>(connection, converter, batch, deadLetters);
        }
    }
}
