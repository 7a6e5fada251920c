package dev.guardian.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.guardian.connectors.common.SinkMetrics;
import dev.guardian.connectors.deadletter.DeadLetterPublisher;
import dev.guardian.connectors.deadletter.RejectedRecord;
import dev.guardian.connectors.retry.BatchSender;
import dev.guardian.connectors.retry.DeliveryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends documents as one bulk request and sorts the answer per item ({@link BulkItemOutcome}):
 * written and already-written items are done, 429/5xx items are returned for a retry, refused items
 * go to the dead-letter publisher, and without one fail the batch with the reason: a refused
 * document is never dropped silently.
 */
public final class ElasticsearchBulkSender implements BatchSender<ElasticsearchDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBulkSender.class);

    private final ElasticsearchClient client;
    private final ElasticsearchConnection connection;
    private final DeadLetterPublisher<RejectedRecord> deadLetters;
    private final SinkMetrics metrics;

    /**
     * @param deadLetters an opened publisher, or null to fail on refused documents
     */
    public ElasticsearchBulkSender(
            ElasticsearchConnection connection,
            DeadLetterPublisher<RejectedRecord> deadLetters,
            SinkMetrics metrics) {
        this.connection = connection;
        this.client = connection.open();
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Override
    public List<ElasticsearchDocument> send(List<ElasticsearchDocument> batch)
            throws IOException, InterruptedException {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (ElasticsearchDocument doc : batch) {
            BinaryData source = BinaryData.of(doc.source(), ContentType.APPLICATION_JSON);
            if (doc.opType() == ElasticsearchDocument.OpType.CREATE) {
                request.operations(
                        op -> op.create(c -> c.index(doc.index()).id(doc.id()).document(source)));
            } else {
                request.operations(
                        op -> op.index(i -> i.index(doc.index()).id(doc.id()).document(source)));
            }
        }
        BulkResponse response = client.bulk(request.build());
        if (!response.errors()) {
            return List.of();
        }
        List<BulkResponseItem> items = response.items();
        if (items.size() != batch.size()) {
            throw new IOException(
                    "bulk response has " + items.size() + " items for " + batch.size() + " docs");
        }
        List<ElasticsearchDocument> retry = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            ElasticsearchDocument doc = batch.get(i);
            switch (BulkItemOutcome.of(doc.opType(), item.status())) {
                case RETRY:
                    retry.add(doc);
                    break;
                case REJECT:
                    rejected.add(rejection(doc, item, now));
                    break;
                default:
                    break;
            }
        }
        if (!rejected.isEmpty()) {
            deadLetter(rejected);
        }
        return retry;
    }

    private void deadLetter(List<RejectedRecord> rejected)
            throws IOException, InterruptedException {
        if (deadLetters == null) {
            metrics.failure();
            throw new DeliveryException(
                    destination()
                            + " refused "
                            + rejected.size()
                            + " documents and no dead-letter publisher is set; first: "
                            + rejected.get(0));
        }
        for (RejectedRecord record : rejected) {
            LOG.warn("{}: dead-lettering {}", destination(), record);
            deadLetters.publish(record);
        }
        deadLetters.flush();
        metrics.deadLettered(rejected.size());
    }

    private static RejectedRecord rejection(
            ElasticsearchDocument doc, BulkResponseItem item, long now) {
        ErrorCause error = item.error();
        String type = error == null ? "unknown" : error.type();
        String reason = error == null ? "" : String.valueOf(error.reason());
        return new RejectedRecord(
                doc.source(),
                doc.index(),
                -1,
                -1,
                "elasticsearch." + type,
                "HTTP "
                        + item.status()
                        + " for "
                        + doc.opType()
                        + " "
                        + doc.index()
                        + "/"
                        + doc.id()
                        + ": "
                        + reason,
                now);
    }

    @Override
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof ElasticsearchException) {
            int status = ((ElasticsearchException) failure).status();
            return status == 429 || status >= 500;
        }
        if (failure instanceof TransportException) {
            int status = ((TransportException) failure).statusCode();
            return status <= 0 || status == 429 || status >= 500;
        }
        return failure instanceof IOException && !(failure instanceof DeliveryException);
    }

    @Override
    public String destination() {
        return "Elasticsearch " + connection.hosts();
    }

    @Override
    public void close() throws Exception {
        try {
            client._transport().close();
        } finally {
            if (deadLetters != null) {
                deadLetters.close();
            }
        }
    }
}
