package dev.guardian.billing.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.Anomaly;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cost anomaly as a row of {@code guardian.anomalies} (infra/clickhouse/020_anomalies.sql), the
 * table every stream's anomalies share (source BILLING); {@code cost_anomalies} has the billing
 * view with the root cause in columns.
 */
public class SharedAnomalyRow implements ClickHouseRowConverter<Anomaly> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "anomalies";

    @Override
    public Map<String, Object> toRow(Anomaly anomaly) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", anomaly.getId());
        row.put("source", anomaly.getSource().name());
        row.put("entity", anomaly.getEntity());
        row.put("metric", anomaly.getMetric());
        row.put("labels", anomaly.getLabels());
        row.put("time", anomaly.getTime());
        row.put("value", anomaly.getValue());
        row.put("expected", anomaly.getExpected());
        row.put("lower", anomaly.getLower());
        row.put("upper", anomaly.getUpper());
        row.put("unit", anomaly.getUnit());
        row.put("score", anomaly.getScore());
        row.put("grade", anomaly.getGrade().name());
        row.put("detector", anomaly.getDetector());
        row.put("driver", anomaly.getDriver());
        row.put("explanation", anomaly.getExplanation());
        row.put("links", anomaly.getLinks());
        row.put("evidence", anomaly.getEvidence());
        return row;
    }
}
