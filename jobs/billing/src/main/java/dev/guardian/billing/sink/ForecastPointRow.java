package dev.guardian.billing.sink;

import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.Forecast;
import dev.guardian.schemas.ForecastPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecast as rows of {@code guardian.cost_forecasts}: one per point. The sink writes rows one
 * record at a time, so a forecast travels to it as its points ({@link #rowsOf}).
 */
public class ForecastPointRow implements ClickHouseRowConverter<ForecastPointRow.Point> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "cost_forecasts";

    /** One point of one forecast; a Flink POJO. */
    public static class Point {
        public String forecastId;
        public String entity;
        public String billingAccountId;
        public String serviceName;
        public String metric;
        public String currency;
        public long generatedAt;
        public long time;
        public java.math.BigDecimal expected;
        public java.math.BigDecimal lower80;
        public java.math.BigDecimal upper80;
        public java.math.BigDecimal lower95;
        public java.math.BigDecimal upper95;
        public String model;
        public String modelVersion;
    }

    public static List<Point> rowsOf(Forecast f) {
        List<Point> points = new ArrayList<>(f.getPoints().size());
        for (ForecastPoint p : f.getPoints()) {
            Point row = new Point();
            row.forecastId = f.getId();
            row.entity = f.getEntity();
            row.billingAccountId = f.getDimensions().getOrDefault("billingAccountId", "");
            row.serviceName = f.getDimensions().getOrDefault("serviceName", "");
            row.metric = f.getMetric();
            row.currency = f.getCurrency() == null ? "" : f.getCurrency();
            row.generatedAt = f.getGeneratedAt().toEpochMilli();
            row.time = p.getTime().toEpochMilli();
            row.expected = p.getExpected();
            row.lower80 = p.getLower80();
            row.upper80 = p.getUpper80();
            row.lower95 = p.getLower95();
            row.upper95 = p.getUpper95();
            row.model = f.getModel();
            row.modelVersion = f.getModelVersion();
            points.add(row);
        }
        return points;
    }

    @Override
    public Map<String, Object> toRow(Point p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("forecast_id", p.forecastId);
        row.put("entity", p.entity);
        row.put("billing_account_id", p.billingAccountId);
        row.put("service_name", p.serviceName);
        row.put("metric", p.metric);
        row.put("currency", p.currency);
        row.put("generated_at", Instant.ofEpochSecond(p.generatedAt / 1000));
        row.put("time", Instant.ofEpochSecond(p.time / 1000));
        row.put("expected", p.expected);
        row.put("lower80", p.lower80);
        row.put("upper80", p.upper80);
        row.put("lower95", p.lower95);
        row.put("upper95", p.upper95);
        row.put("model", p.model);
        row.put("model_version", p.modelVersion);
        return row;
    }
}
