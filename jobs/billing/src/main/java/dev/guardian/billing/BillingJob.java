package dev.guardian.billing;

import dev.guardian.billing.budget.BudgetCharge;
import dev.guardian.billing.budget.BudgetIdSelector;
import dev.guardian.billing.budget.BudgetMatcher;
import dev.guardian.billing.budget.BudgetTracker;
import dev.guardian.billing.budget.Budgets;
import dev.guardian.billing.detect.CostForecastOperator;
import dev.guardian.billing.detect.CostWatchSettings;
import dev.guardian.billing.detect.EntitySelector;
import dev.guardian.billing.detect.ForecastableCharges;
import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.record.BillingEventTime;
import dev.guardian.billing.record.CostChange;
import dev.guardian.billing.record.DecodeBillingRecords;
import dev.guardian.billing.record.RecordIdSelector;
import dev.guardian.billing.restate.RestatementTracker;
import dev.guardian.billing.rollup.CostRollupFunction;
import dev.guardian.billing.rollup.RollupCell;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Forecast;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The billing stream: {@code billing.records} → decode and validate → the records table;
 * re-deliveries and restatements turned into cost changes → hourly and daily rollups; bad records →
 * dead letters. This class only wires steps; {@link BillingJobMain} does the I/O.
 */
public final class BillingJob {

    public static final String NAME = "guardian-billing";

    private BillingJob() {}

    /**
     * Event time of the input (the earliest ChargePeriodStart of a message, read by {@link
     * BillingEventTime} in the source) with per-partition watermarks: give it to {@code
     * env.fromSource}, or to {@code assignTimestampsAndWatermarks} of in-memory input stamped with
     * {@link BillingEventTime#stamp}. The workflow needs its input to carry both.
     */
    public static WatermarkStrategy<RawRecord> watermarks(Configuration conf) {
        return RawRecordWatermarks.strategy(
                conf.get(BillingJobOptions.OUT_OF_ORDERNESS), conf.get(BillingJobOptions.IDLENESS));
    }

    /** The workflow without budgets. */
    public static void defineWorkflow(
            Configuration conf, DataStream<RawRecord> input, BillingSinks sinks) {
        defineWorkflow(conf, Budgets.none(), input, sinks);
    }

    /** The workflow; {@code budgets} were read from the budgets file when the job was built. */
    public static void defineWorkflow(
            Configuration conf, Budgets budgets, DataStream<RawRecord> input, BillingSinks sinks) {
        SingleOutputStreamOperator<BillingDelivery> deliveries =
                input.process(new DecodeBillingRecords(conf))
                        .name("Decode and validate billing records")
                        .uid("billing-decode");
        sinks.deadLetters(deliveries.getSideOutput(DeadLetters.tag()));
        sinks.records(deliveries);

        Duration horizon = conf.get(BillingJobOptions.RESTATEMENT_HORIZON);
        DataStream<CostChange> changes =
                deliveries
                        .keyBy(new RecordIdSelector())
                        .process(new RestatementTracker(horizon))
                        .name("Re-deliveries and restatements to cost changes")
                        .uid("billing-restatements");

        Set<String> tagKeys = RollupCell.parseTagKeys(conf.get(BillingJobOptions.ROLLUP_TAG_KEYS));
        for (RollupGranularity granularity : RollupGranularity.values()) {
            RollupCell cell = new RollupCell(granularity, tagKeys);
            String name = granularity.name().toLowerCase(java.util.Locale.ROOT);
            sinks.rollups(
                    granularity,
                    changes.keyBy(cell)
                            .process(new CostRollupFunction(cell, horizon))
                            .name("Cost per " + name)
                            .uid("billing-rollup-" + name));
        }

        SingleOutputStreamOperator<Forecast> forecasts =
                changes.filter(
                                new ForecastableCharges(
                                        RollupCell.parseTagKeys(
                                                conf.get(
                                                        BillingJobOptions
                                                                .FORECAST_CHARGE_CATEGORIES))))
                        .name("Forecast charge categories")
                        .uid("billing-forecastable")
                        .keyBy(new EntitySelector())
                        .transform(
                                "Hourly cost per account x service: forecasts and anomalies",
                                AvroRecordTypeInfo.forRecord(Forecast.class),
                                new CostForecastOperator(CostWatchSettings.from(conf)))
                        .uid("billing-forecast");
        sinks.forecasts(forecasts);
        sinks.anomalies(forecasts.getSideOutput(CostForecastOperator.ANOMALIES));

        // always in the graph, so budgets added to the file later restore from a savepoint
        SingleOutputStreamOperator<Alert> budgetAlerts =
                changes.flatMap(new BudgetMatcher(budgets))
                        .returns(TypeInformation.of(BudgetCharge.class))
                        .name("Budget scopes")
                        .uid("billing-budget-scopes")
                        .keyBy(new BudgetIdSelector())
                        .process(
                                new BudgetTracker(budgets, conf.get(BillingJobOptions.LINK_BASE)),
                                AvroRecordTypeInfo.forRecord(Alert.class))
                        .name("Budgets: thresholds and projected breaches")
                        .uid("billing-budgets");
        sinks.budgetStatus(budgetAlerts.getSideOutput(BudgetTracker.STATUS));
        sinks.alerts(forecasts.getSideOutput(CostForecastOperator.ALERTS).union(budgetAlerts));
    }
}
