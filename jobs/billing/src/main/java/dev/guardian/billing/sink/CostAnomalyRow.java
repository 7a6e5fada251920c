package dev.guardian.billing.sink;

import dev.guardian.billing.detect.CostAnomalies;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.Anomaly;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A cost anomaly as a row of {@code guardian.cost_anomalies}. */
public class CostAnomalyRow implements ClickHouseRowConverter<Anomaly> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "cost_anomalies";

    @Override
    public Map<String, Object> toRow(Anomaly a) {
        Map<String, String> evidence = a.getEvidence();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.getId());
        row.put("time", Instant.ofEpochSecond(a.getTime().getEpochSecond()));
        row.put("entity", a.getEntity());
        row.put("billing_account_id", a.getLabels().getOrDefault("billingAccountId", ""));
        row.put("service_name", a.getLabels().getOrDefault("serviceName", ""));
        row.put("currency", a.getUnit() == null ? "" : a.getUnit());
        row.put("value", a.getValue());
        row.put("expected", a.getExpected());
        row.put("lower", a.getLower());
        row.put("upper", a.getUpper());
        row.put("excess", decimal(evidence.get(CostAnomalies.EXCESS)));
        row.put("score", a.getScore());
        row.put("grade", a.getGrade().name());
        row.put("partial_hour", Boolean.parseBoolean(evidence.get(CostAnomalies.PARTIAL_HOUR)));
        row.put("root_cause_dimension", evidence.getOrDefault(CostAnomalies.CAUSE_DIMENSION, ""));
        row.put("root_cause_value", evidence.getOrDefault(CostAnomalies.CAUSE_VALUE, ""));
        row.put("root_cause_amount", decimal(evidence.get(CostAnomalies.CAUSE_AMOUNT)));
        row.put("explanation", a.getExplanation());
        row.put("detector", a.getDetector());
        row.put("evidence", evidence);
        return row;
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
