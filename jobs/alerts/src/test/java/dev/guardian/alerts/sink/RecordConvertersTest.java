package dev.guardian.alerts.sink;

import static dev.guardian.alerts.testing.TestAlerts.T0;
import static dev.guardian.alerts.testing.TestAlerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record → row and record → document mappings, with deterministic ids. */
class RecordConvertersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AlertRecord record(Decision decision) {
        AlertDecision d = firing("db").label("service", "db").decided(decision);
        d.mutedBy = decision == Decision.MUTED ? "mute:x" : null;
        AlertRecord r = new AlertRecord(d);
        r.routes.add("pages");
        r.receivers.add("pager");
        return r;
    }

    @Test
    void alertRowHasEveryColumnAndADeterministicId() {
        Map<String, Object> row = new AlertRecordRow().toRow(record(Decision.TRIGGER));
        assertThat(row)
                .containsEntry("time", Instant.ofEpochMilli(T0))
                .containsEntry("fingerprint", "db")
                .containsEntry("decision", "TRIGGER")
                .containsEntry("notified", true)
                .containsEntry("muted_by", "")
                .containsEntry("routes", List.of("pages"))
                .containsEntry("labels", Map.of("service", "db"))
                .containsEntry("value", 840.0);
        assertThat(row.get("record_id"))
                .isEqualTo(new AlertRecordRow().toRow(record(Decision.TRIGGER)).get("record_id"));
        assertThat(new AlertRecordRow().toRow(record(Decision.MUTED)))
                .containsEntry("notified", false)
                .containsEntry("muted_by", "mute:x");
    }

    @Test
    void alertDocumentIsIndexedByTheRowsId() throws Exception {
        AlertRecord r = record(Decision.TRIGGER);
        ElasticsearchDocument doc = new AlertRecordDocument().toDocument(r);
        assertThat(doc.index()).isEqualTo("guardian-alerts");
        assertThat(doc.id()).isEqualTo(AlertRecordRow.recordId(r));
        assertThat(doc.opType()).isEqualTo(ElasticsearchDocument.OpType.INDEX);
        JsonNode source = JSON.readTree(doc.source());
        assertThat(source.path("@timestamp").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(source.path("receivers").get(0).asText()).isEqualTo("pager");
    }

    @Test
    void deliveryRowAndDocumentShareTheAttemptsKey() throws Exception {
        DeliveryAttemptRecord a = new DeliveryAttemptRecord();
        a.deliveryId = "abc";
        a.attempt = 2;
        a.attemptId = "abc/2";
        a.notificationId = "slack|db@1#1";
        a.receiver = "slack";
        a.receiverType = "slack";
        a.kind = "trigger";
        a.dedupKey = "db";
        a.status = DeliveryStatus.RETRYING;
        a.httpStatus = 429;
        a.latencyMillis = 12;
        a.retryAfterMillis = 1000;
        a.error = "HTTP 429";
        a.attemptedAt = T0 + 5;
        a.notificationTime = T0;
        a.fingerprints.add("db");
        Map<String, Object> row = new DeliveryAttemptRow().toRow(a);
        assertThat(row)
                .containsEntry("status", "retrying")
                .containsEntry("attempt", 2)
                .containsEntry("http_status", 429)
                .containsEntry("retry_after_ms", 1000L)
                .containsEntry("fingerprints", List.of("db"))
                .containsEntry("notification_time", Instant.ofEpochMilli(T0));
        ElasticsearchDocument doc = new DeliveryAttemptDocument().toDocument(a);
        assertThat(doc.id()).isEqualTo("abc-2");
        assertThat(JSON.readTree(doc.source()).path("latency_ms").asLong()).isEqualTo(12);
    }
}
