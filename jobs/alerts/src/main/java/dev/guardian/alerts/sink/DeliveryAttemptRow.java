package dev.guardian.alerts.sink;

import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A delivery attempt → a row of {@code guardian.alert_deliveries}: ReplacingMergeTree on (receiver,
 * delivery_id, attempt), so an attempt replayed after a restore replaces its row.
 */
public class DeliveryAttemptRow implements ClickHouseRowConverter<DeliveryAttemptRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public Map<String, Object> toRow(DeliveryAttemptRecord d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attempted_at", Instant.ofEpochMilli(d.attemptedAt));
        row.put("delivery_id", d.deliveryId);
        row.put("attempt", d.attempt);
        row.put("notification_id", d.notificationId);
        row.put("receiver", d.receiver);
        row.put("receiver_type", d.receiverType);
        row.put("route", d.route == null ? "" : d.route);
        row.put("kind", d.kind);
        row.put("dedup_key", d.dedupKey);
        row.put("severity", d.severity == null ? "" : d.severity);
        row.put("title", d.title == null ? "" : d.title);
        row.put("fingerprints", d.fingerprints);
        row.put("status", d.status.name().toLowerCase(Locale.ROOT));
        row.put("http_status", d.httpStatus);
        row.put("latency_ms", d.latencyMillis);
        row.put("retry_after_ms", d.retryAfterMillis);
        row.put("error", d.error == null ? "" : d.error);
        row.put("notification_time", Instant.ofEpochMilli(d.notificationTime));
        return row;
    }
}
