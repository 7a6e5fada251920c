package dev.guardian.billing;

import dev.guardian.billing.budget.BudgetStatus;
import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.rollup.CostRollup;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Forecast;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the billing job's outputs go. The job's {@code main} plugs in ClickHouse and Kafka ({@link
 * ProductionBillingSinks}); tests plug in collecting sinks, so the same workflow runs in both.
 */
public interface BillingSinks extends Serializable {

    /** Every valid delivery, for the deduplicated records table. */
    void records(DataStream<BillingDelivery> records);

    /** Cost per cell and hour or day, re-emitted with a higher revision on corrections. */
    void rollups(RollupGranularity granularity, DataStream<CostRollup> rollups);

    /** Hourly forecasts (24 h ahead) and month-end totals per account × service. */
    void forecasts(DataStream<Forecast> forecasts);

    /** Hours of spend outside the forecast band, with their root cause. */
    void anomalies(DataStream<Anomaly> anomalies);

    /** Cost anomaly and budget alerts (firing / resolved). */
    void alerts(DataStream<Alert> alerts);

    /** Each budget's actual and projected spend after every hour. */
    void budgetStatus(DataStream<BudgetStatus> status);

    /** Records that failed to decode or validate, with the reason. */
    void deadLetters(DataStream<DeadLetter> deadLetters);
}
