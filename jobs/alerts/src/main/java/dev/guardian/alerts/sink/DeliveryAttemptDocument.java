package dev.guardian.alerts.sink;

import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A delivery attempt → a document of the {@code guardian-deliveries} index (template
 * infra/elasticsearch/templates/guardian-deliveries.json), id = delivery id + attempt.
 */
public class DeliveryAttemptDocument
        implements ElasticsearchDocumentConverter<DeliveryAttemptRecord> {

    private static final long serialVersionUID = 1L;

    public static final String INDEX = "guardian-deliveries";

    private final String index;

    public DeliveryAttemptDocument() {
        this(INDEX);
    }

    public DeliveryAttemptDocument(String index) {
        this.index = index;
    }

    @Override
    public ElasticsearchDocument toDocument(DeliveryAttemptRecord d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", Instant.ofEpochMilli(d.attemptedAt).toString());
        doc.put("delivery_id", d.deliveryId);
        doc.put("attempt", d.attempt);
        doc.put("notification_id", d.notificationId);
        doc.put("receiver", d.receiver);
        doc.put("receiver_type", d.receiverType);
        doc.put("route", d.route);
        doc.put("kind", d.kind);
        doc.put("dedup_key", d.dedupKey);
        doc.put("severity", d.severity);
        doc.put("title", d.title);
        doc.put("fingerprints", d.fingerprints);
        doc.put("status", d.status.name().toLowerCase(Locale.ROOT));
        doc.put("http_status", d.httpStatus);
        doc.put("latency_ms", d.latencyMillis);
        doc.put("retry_after_ms", d.retryAfterMillis);
        doc.put("error", d.error);
        doc.put("notification_time", Instant.ofEpochMilli(d.notificationTime).toString());
        return ElasticsearchDocument.index(index, d.deliveryId + "-" + d.attempt, doc);
    }
}
