package dev.guardian.logs.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.Anomaly;
import java.util.LinkedHashMap;
import java.util.Map;

/** An anomaly as a row of {@code guardian.anomalies} (infra/clickhouse/020_anomalies.sql). */
public class AnomalyRow implements ClickHouseRowConverter<Anomaly> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "anomalies";

    @Override
    public Map<String, Object> toRow(Anomaly a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.getId());
        row.put("source", a.getSource().name());
        row.put("entity", a.getEntity());
        row.put("metric", a.getMetric());
        row.put("labels", a.getLabels());
        row.put("time", a.getTime());
        row.put("value", a.getValue());
        row.put("expected", a.getExpected());
        row.put("lower", a.getLower());
        row.put("upper", a.getUpper());
        row.put("unit", a.getUnit());
        row.put("score", a.getScore());
        row.put("grade", a.getGrade().name());
        row.put("detector", a.getDetector());
        row.put("driver", a.getDriver());
        row.put("explanation", a.getExplanation());
        row.put("links", a.getLinks());
        row.put("evidence", a.getEvidence());
        return row;
    }
}
