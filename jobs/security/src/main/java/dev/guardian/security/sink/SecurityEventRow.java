package dev.guardian.security.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.detect.Detections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A normalized event as a row of {@code guardian.security_events}
 * (infra/clickhouse/050_security.sql): the normalized fields for SQL, and the original record
 * verbatim so a hunt can reach any CloudTrail field with the JSON functions. {@code event_id} is
 * CloudTrail's {@code eventID}, or a hash of the record when it has none, so a replay replaces rows
 * instead of adding them.
 */
public class SecurityEventRow implements ClickHouseRowConverter<SecurityEvent> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "security_events";

    @Override
    public Map<String, Object> toRow(SecurityEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", e.getTime());
        row.put("event_id", eventId(e));
        row.put("actor", e.getActor());
        row.put("source_ip", e.getSourceIp());
        row.put("user_agent", e.getUserAgent());
        row.put("service", e.getService());
        row.put("operation", e.getOperation());
        row.put("outcome", e.getOutcome().name());
        row.put("region", e.getRegion());
        row.put("resource", e.getResource());
        row.put("account_id", e.getAccountId());
        row.put("error_code", e.getErrorCode());
        row.put("error_message", e.getErrorMessage());
        row.put("original_json", e.getOriginalJson());
        return row;
    }

    static String eventId(SecurityEvent e) {
        return e.getEventId() != null && !e.getEventId().isEmpty()
                ? e.getEventId()
                : "sha-" + Detections.id(e.getOriginalJson());
    }
}
