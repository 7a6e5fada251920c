package dev.guardian.billing;

import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.record.BillingTimestamps;
import dev.guardian.billing.record.CostChange;
import dev.guardian.billing.record.DecodeBillingRecords;
import dev.guardian.billing.record.RecordIdSelector;
import dev.guardian.billing.restate.RestatementTracker;
import dev.guardian.billing.rollup.CostRollupFunction;
import dev.guardian.billing.rollup.RollupCell;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.common.kafka.RawRecord;
import java.time.Duration;
import java.util.Set;
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

    public static void defineWorkflow(
            Configuration conf, DataStream<RawRecord> input, BillingSinks sinks) {
        SingleOutputStreamOperator<BillingDelivery> decoded =
                input.process(new DecodeBillingRecords(conf))
                        .name("Decode and validate billing records")
                        .uid("billing-decode");
        sinks.deadLetters(decoded.getSideOutput(DeadLetters.tag()));

        DataStream<BillingDelivery> deliveries =
                decoded.assignTimestampsAndWatermarks(
                                BillingTimestamps.strategy(
                                        conf.get(BillingJobOptions.OUT_OF_ORDERNESS),
                                        conf.get(BillingJobOptions.IDLENESS)))
                        .name("Event time")
                        .uid("billing-event-time");
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
    }
}
