package dev.guardian.alerts.deliver;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.connectors.elasticsearch.ElasticsearchConnection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery ledger in an Elasticsearch index: one document per delivered notification and
 * receiver, id = delivery id, created once. Reads are real-time gets (no refresh needed), so a
 * delivery recorded a millisecond before a crash is seen by the restored job.
 */
public final class ElasticsearchDeliveryLedger implements DeliveryLedger {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_INDEX = "guardian-delivery-ledger";

    private final ElasticsearchConnection connection;
    private final String index;

    public ElasticsearchDeliveryLedger(ElasticsearchConnection connection, String index) {
        this.connection = connection;
        this.index = index;
    }

    @Override
    public Session open() {
        ElasticsearchClient client = connection.open();
        return new Session() {
            @Override
            public boolean wasDelivered(String deliveryId) throws Exception {
                try {
                    GetResponse<Map> got =
                            client.get(
                                    g -> g.index(index).id(deliveryId).realtime(true), Map.class);
                    return got.found();
                } catch (ElasticsearchException e) {
                    if (e.status() == 404) {
                        return false; // no index yet: nothing was ever delivered
                    }
                    throw e;
                }
            }

            @Override
            public void recordDelivered(String deliveryId, DeliveryAttemptRecord d)
                    throws Exception {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("@timestamp", Instant.ofEpochMilli(d.attemptedAt).toString());
                doc.put("delivery_id", deliveryId);
                doc.put("notification_id", d.notificationId);
                doc.put("receiver", d.receiver);
                doc.put("kind", d.kind);
                doc.put("dedup_key", d.dedupKey);
                doc.put("attempt", d.attempt);
                try {
                    client.index(
                            i -> i.index(index).id(deliveryId).opType(OpType.Create).document(doc));
                } catch (ElasticsearchException e) {
                    if (e.status() != 409) {
                        throw e; // 409: already recorded, by the run before a restart
                    }
                }
            }

            @Override
            public void close() throws Exception {
                client._transport().close();
            }
        };
    }

    @Override
    public String toString() {
        return "Elasticsearch ledger " + index + " on " + connection.hosts();
    }
}
