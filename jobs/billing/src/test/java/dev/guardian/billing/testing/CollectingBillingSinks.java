package dev.guardian.billing.testing;

import dev.guardian.billing.BillingSinks;
import dev.guardian.billing.budget.BudgetStatus;
import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.rollup.CostRollup;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Forecast;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The billing job's outputs kept in memory, for workflow tests on a mini cluster. */
public class CollectingBillingSinks implements BillingSinks {

    private static final long serialVersionUID = 1L;

    public final CollectingSink<BillingDelivery> records = new CollectingSink<>();
    public final CollectingSink<CostRollup> hourly = new CollectingSink<>();
    public final CollectingSink<CostRollup> daily = new CollectingSink<>();
    public final CollectingSink<Forecast> forecasts = new CollectingSink<>();
    public final CollectingSink<Anomaly> anomalies = new CollectingSink<>();
    public final CollectingSink<Alert> alerts = new CollectingSink<>();
    public final CollectingSink<BudgetStatus> budgetStatus = new CollectingSink<>();
    public final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

    @Override
    public void records(DataStream<BillingDelivery> stream) {
        stream.sinkTo(records).name("records").uid("test-records");
    }

    @Override
    public void rollups(RollupGranularity granularity, DataStream<CostRollup> stream) {
        stream.sinkTo(granularity == RollupGranularity.HOUR ? hourly : daily)
                .name("rollups " + granularity)
                .uid("test-rollups-" + granularity);
    }

    @Override
    public void forecasts(DataStream<Forecast> stream) {
        stream.sinkTo(forecasts).name("forecasts").uid("test-forecasts");
    }

    @Override
    public void anomalies(DataStream<Anomaly> stream) {
        stream.sinkTo(anomalies).name("anomalies").uid("test-anomalies");
    }

    @Override
    public void alerts(DataStream<Alert> stream) {
        stream.sinkTo(alerts).name("alerts").uid("test-alerts");
    }

    @Override
    public void budgetStatus(DataStream<BudgetStatus> stream) {
        stream.sinkTo(budgetStatus).name("budget status").uid("test-budget-status");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> stream) {
        stream.sinkTo(deadLetters).name("dead letters").uid("test-dead-letters");
    }

    /**
     * What a {@code FINAL} query over a rollup table returns: per cell the row of the highest
     * revision, keyed {@code bucket|account|service|region|tags}.
     */
    public static Map<String, CostRollup> latest(List<CostRollup> rows) {
        return rows.stream()
                .collect(
                        Collectors.toMap(
                                r ->
                                        r.bucketStart
                                                + "|"
                                                + r.billingAccountId
                                                + "|"
                                                + r.subAccountId
                                                + "|"
                                                + r.serviceName
                                                + "|"
                                                + r.regionId
                                                + "|"
                                                + String.join(",", r.tags),
                                r -> r,
                                (a, b) -> a.revision >= b.revision ? a : b,
                                TreeMap::new));
    }
}
