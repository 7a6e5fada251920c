package dev.guardian.billing.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An alert state change as a row of {@code guardian.cost_alerts}. */
public class CostAlertRow implements ClickHouseRowConverter<Alert> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "cost_alerts";

    /** The label naming the kind of cost alert: anomaly, budget-threshold, budget-forecast. */
    public static final String KIND_LABEL = "kind";

    @Override
    public Map<String, Object> toRow(Alert a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fingerprint", a.getFingerprint());
        row.put("kind", a.getLabels().getOrDefault(KIND_LABEL, ""));
        row.put("status", a.getStatus().name());
        row.put("severity", a.getSeverity().name());
        row.put("time", Instant.ofEpochSecond(a.getTime().getEpochSecond()));
        row.put("starts_at", Instant.ofEpochSecond(a.getStartsAt().getEpochSecond()));
        row.put("entity", a.getEntity());
        row.put("title", a.getTitle());
        row.put("summary", a.getSummary());
        row.put("value", a.getValue());
        row.put("expected", a.getExpected());
        row.put("labels", a.getLabels());
        row.put("evidence", a.getEvidence());
        row.put("origin_id", a.getOriginId() == null ? "" : a.getOriginId());
        return row;
    }
}
