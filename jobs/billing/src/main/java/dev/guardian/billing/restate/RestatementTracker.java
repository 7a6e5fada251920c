package dev.guardian.billing.restate;

import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.record.CostChange;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by record id: turns deliveries into {@link CostChange}s so that re-deliveries and
 * restatements replace instead of add. Remembers the latest version of each line for the
 * restatement horizon (state TTL):
 *
 * <ul>
 *   <li>first delivery: the line (+1);
 *   <li>the same amounts again (a re-delivered export): nothing;
 *   <li>new amounts: the difference (0 lines);
 *   <li>new dimensions (re-tagged, moved): the old version withdrawn (-1) and the new one (+1);
 *   <li>an older delivery than the one remembered (out of order): nothing.
 * </ul>
 */
public class RestatementTracker extends KeyedProcessFunction<String, BillingDelivery, CostChange> {

    private static final long serialVersionUID = 1L;

    private final Duration horizon;

    private transient ValueState<CostChange> latest;
    private transient Counter duplicates;
    private transient Counter restated;
    private transient Counter stale;

    public RestatementTracker(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<CostChange> descriptor =
                new ValueStateDescriptor<>("latest-version", TypeInformation.of(CostChange.class));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(horizon)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        latest = getRuntimeContext().getState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("redeliveries");
        restated = getRuntimeContext().getMetricGroup().counter("restatements");
        stale = getRuntimeContext().getMetricGroup().counter("staleDeliveries");
    }

    @Override
    public void processElement(BillingDelivery delivery, Context ctx, Collector<CostChange> out)
            throws Exception {
        CostChange now = CostChange.of(delivery);
        CostChange previous = latest.value();
        if (previous == null) {
            latest.update(now);
            out.collect(now);
            return;
        }
        if (now.deliveredAt < previous.deliveredAt) {
            stale.inc();
            return;
        }
        latest.update(now);
        if (previous.sameDimensions(now)) {
            if (previous.sameAmounts(now)) {
                duplicates.inc();
                return;
            }
            restated.inc();
            out.collect(
                    now.withAmounts(
                            now.billedCost.subtract(previous.billedCost),
                            now.effectiveCost.subtract(previous.effectiveCost),
                            now.listCost.subtract(previous.listCost),
                            0));
            return;
        }
        restated.inc();
        CostChange withdrawn = previous.negated();
        withdrawn.deliveredAt = now.deliveredAt;
        out.collect(withdrawn);
        out.collect(now);
    }
}
