package dev.guardian.billing.rollup;

import dev.guardian.billing.record.CostChange;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@link RollupCell}: sums the cost changes of one cell and emits the cell's absolute
 * totals when the watermark passes the end of its bucket, then again (revision + 1) at the next
 * watermark after any late line or restatement. Absolute totals with revisions, not deltas, so a
 * replayed or retried insert can never double count: the table keeps the highest revision.
 *
 * <p>The cell is kept for the restatement horizon plus one bucket (state TTL): a restatement after
 * that would start the cell again from its own amounts, so the horizon is shared with {@link
 * dev.guardian.billing.restate.RestatementTracker}, which counts such late lines as new.
 */
public class CostRollupFunction extends KeyedProcessFunction<String, CostChange, CostRollup> {

    private static final long serialVersionUID = 1L;

    private final RollupCell cell;
    private final Duration retention;

    private transient ValueState<CostRollup> total;

    public CostRollupFunction(RollupCell cell, Duration restatementHorizon) {
        this.cell = cell;
        this.retention = restatementHorizon.plusMillis(cell.granularity().millis());
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<CostRollup> descriptor =
                new ValueStateDescriptor<>("cell-total", TypeInformation.of(CostRollup.class));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(retention)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
        total = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(CostChange change, Context ctx, Collector<CostRollup> out)
            throws Exception {
        CostRollup rollup = total.value();
        if (rollup == null) {
            rollup = CostRollup.emptyCell(change, cell);
        }
        rollup.add(change);
        total.update(rollup);
        long lastMillisOfBucket = rollup.bucketStart + cell.granularity().millis() - 1;
        long watermark = ctx.timerService().currentWatermark();
        // on time: emit when the bucket closes; late: at the next watermark (one timer per
        // timestamp and key, so a burst of late changes is still one row)
        ctx.timerService()
                .registerEventTimeTimer(
                        watermark < lastMillisOfBucket ? lastMillisOfBucket : watermark + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CostRollup> out)
            throws Exception {
        CostRollup rollup = total.value();
        if (rollup == null || !rollup.pending) {
            return;
        }
        rollup.revision++;
        rollup.pending = false;
        total.update(rollup);
        out.collect(rollup.copy());
    }
}
