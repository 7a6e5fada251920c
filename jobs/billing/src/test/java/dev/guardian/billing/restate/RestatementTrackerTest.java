package dev.guardian.billing.restate;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.record.CostChange;
import dev.guardian.billing.record.RecordIdSelector;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RestatementTrackerTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, BillingDelivery, CostChange>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RestatementTracker(Duration.ofDays(45))),
                new RecordIdSelector(),
                Types.STRING);
    }

    private static void deliver(
            KeyedOneInputStreamOperatorTestHarness<String, BillingDelivery, CostChange> h,
            BillingDelivery d)
            throws Exception {
        h.processElement(new StreamRecord<>(d, d.record.getChargePeriodStart().toEpochMilli()));
    }

    private static BigDecimal sumEffective(List<CostChange> changes) {
        return changes.stream().map(c -> c.effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void reDeliveriesAddNothingAndRestatementsAddTheirDifference() throws Exception {
        try (var h = harness()) {
            h.open();
            deliver(h, line().cost("10.00").delivered(1));
            deliver(h, line().hour(1).cost("5.00").delivered(1));
            deliver(h, line().cost("10.00").delivered(2)); // the same export again
            deliver(h, line().cost("12.50").delivered(3)); // restated upwards
            deliver(h, line().cost("11.00").delivered(2)); // an older version, late

            List<CostChange> out = h.extractOutputValues();
            assertThat(out).extracting(c -> c.lines).containsExactly(1, 1, 0);
            assertThat(sumEffective(out)).isEqualByComparingTo("17.50");
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        }
    }

    @Test
    void aRetaggedLineMovesWholeToItsNewTags() throws Exception {
        try (var h = harness()) {
            h.open();
            deliver(h, line().cost("4.00").tag("team", "web").delivered(1));
            deliver(h, line().cost("4.00").tag("team", "search").delivered(2));

            List<CostChange> out = h.extractOutputValues();
            assertThat(out).hasSize(3);
            assertThat(out.get(1).tag("team")).isEqualTo("web");
            assertThat(out.get(1).lines).isEqualTo(-1);
            assertThat(out.get(1).effectiveCost).isEqualByComparingTo("-4");
            assertThat(out.get(2).tag("team")).isEqualTo("search");
            assertThat(out.get(2).lines).isEqualTo(1);
            assertThat(sumEffective(out)).isEqualByComparingTo("4");
        }
    }

    @Test
    void rememberedVersionsSurviveSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            deliver(h, line().cost("3.00").delivered(1));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            deliver(h, line().cost("3.00").delivered(5));
            deliver(h, line().cost("2.00").delivered(6));

            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(c -> assertThat(c.effectiveCost).isEqualByComparingTo("-1"));
        }
    }
}
