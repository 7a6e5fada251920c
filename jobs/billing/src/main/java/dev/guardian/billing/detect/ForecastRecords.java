package dev.guardian.billing.detect;

import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.ForecastDefaults;
import dev.guardian.schemas.Forecast;
import dev.guardian.schemas.ForecastPoint;
import dev.guardian.schemas.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Forecast records of a key: the next hours, and the month's projected total. */
public final class ForecastRecords {

    public static final String HOURLY_METRIC = "effectiveCost";
    public static final String MONTH_METRIC = "effectiveCost.monthTotal";

    private ForecastRecords() {}

    public static Forecast hourly(
            EntityInfo entity, long origin, ForecastBands bands, String model, String version) {
        List<ForecastPoint> points = new ArrayList<>();
        for (int h = 0; h < bands.horizon(); h++) {
            points.add(
                    point(
                            origin + h * HourlyHistory.HOUR,
                            bands.expected[h],
                            bands.lower80[h],
                            bands.upper80[h],
                            bands.lower95[h],
                            bands.upper95[h]));
        }
        return forecast(
                entity, HOURLY_METRIC, origin, origin, HourlyHistory.HOUR, points, model, version);
    }

    /**
     * The calendar month of {@code origin}: the actual spend so far plus the forecast remainder,
     * one point at the month's start.
     */
    public static Forecast monthTotal(
            EntityInfo entity,
            long origin,
            double actualSoFar,
            ForecastBands bands,
            String model,
            String version) {
        long monthStart = ForecastDefaults.monthStart(origin - 1);
        long monthEnd = ForecastDefaults.monthEnd(origin - 1);
        double[] rest = origin >= monthEnd ? new double[] {0, 0, 0, 0, 0} : bands.monthRemainder;
        ForecastPoint point =
                point(
                        monthStart,
                        actualSoFar + rest[0],
                        actualSoFar + rest[1],
                        actualSoFar + rest[2],
                        actualSoFar + rest[3],
                        actualSoFar + rest[4]);
        return forecast(
                entity,
                MONTH_METRIC,
                origin,
                monthStart,
                monthEnd - monthStart,
                List.of(point),
                model,
                version);
    }

    private static Forecast forecast(
            EntityInfo entity,
            String metric,
            long generatedAt,
            long horizonStart,
            long step,
            List<ForecastPoint> points,
            String model,
            String version) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("billingAccountId", entity.billingAccountId);
        dimensions.put("serviceName", entity.serviceName);
        dimensions.put("billingAccountName", entity.billingAccountName);
        return Forecast.newBuilder()
                .setId(id(entity.entity, metric, generatedAt, version))
                .setEntity(entity.entity)
                .setMetric(metric)
                .setDimensions(dimensions)
                .setCurrency(entity.currency)
                .setGeneratedAt(Instant.ofEpochMilli(generatedAt))
                .setHorizonStart(Instant.ofEpochMilli(horizonStart))
                .setStepMillis(step)
                .setPoints(points)
                .setModel(model)
                .setModelVersion(version)
                .build();
    }

    static String id(String entity, String metric, long generatedAt, String version) {
        return UUID.nameUUIDFromBytes(
                        (entity + "|" + metric + "|" + generatedAt + "|" + version)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static ForecastPoint point(
            long time, double expected, double lo80, double hi80, double lo95, double hi95) {
        return ForecastPoint.newBuilder()
                .setTime(Instant.ofEpochMilli(time))
                .setExpected(money(expected))
                .setLower80(money(Math.min(lo80, expected)))
                .setUpper80(money(Math.max(hi80, expected)))
                .setLower95(money(Math.min(lo95, Math.min(lo80, expected))))
                .setUpper95(money(Math.max(hi95, Math.max(hi80, expected))))
                .build();
    }

    /** Money with cents precision beyond which a model output carries no information. */
    static java.math.BigDecimal money(double value) {
        return Money.normalize(
                java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN));
    }
}
