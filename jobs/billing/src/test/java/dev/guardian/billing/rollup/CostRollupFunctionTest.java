package dev.guardian.billing.rollup;

import static dev.guardian.billing.testing.Lines.HOUR;
import static dev.guardian.billing.testing.Lines.HOUR_0;
import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.record.CostChange;
import dev.guardian.billing.testing.Lines;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CostRollupFunctionTest {

    private static final RollupCell HOURLY =
            new RollupCell(RollupGranularity.HOUR, Set.of("team", "environment"));
    private static final long T0 = HOUR_0.toEpochMilli();

    private static KeyedOneInputStreamOperatorTestHarness<String, CostChange, CostRollup> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CostRollupFunction(HOURLY, Duration.ofDays(45))),
                HOURLY,
                Types.STRING);
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CostChange, CostRollup> h,
            Lines line,
            long deliveredAt)
            throws Exception {
        CostChange c = CostChange.of(line.delivered(deliveredAt));
        h.processElement(new StreamRecord<>(c, c.periodStart));
    }

    @Test
    void emitsEachCellWhenItsHourClosesThenCorrectionsWithAHigherRevision() throws Exception {
        try (var h = harness()) {
            h.open();
            send(h, line().resource("i-1").cost("1.25").tag("team", "web").tag("owner", "x"), 1);
            send(h, line().resource("i-2").cost("2.00").tag("team", "web"), 1);
            send(h, line().resource("i-3").cost("4.00").tag("team", "search"), 1);
            send(h, line().resource("i-1").hour(1).cost("9.00").tag("team", "web"), 1);
            assertThat(h.numEventTimeTimers()).isEqualTo(3);

            h.processWatermark(T0 + HOUR - 1);
            List<CostRollup> first = h.extractOutputValues();
            assertThat(first)
                    .extracting(
                            r ->
                                    RollupCell.tagSet(r.tags)
                                            + "="
                                            + r.effectiveCost.stripTrailingZeros().toPlainString()
                                            + "#"
                                            + r.revision)
                    .containsExactlyInAnyOrder("team=web=3.25#1", "team=search=4#1");
            assertThat(first).allSatisfy(r -> assertThat(r.bucketStart).isEqualTo(T0));

            // a late line for the closed hour: re-emitted at the next watermark
            send(h, line().resource("i-9").cost("0.75").tag("team", "web"), 2);
            h.processWatermark(T0 + HOUR + 10);
            List<CostRollup> all = h.extractOutputValues();
            CostRollup corrected = all.get(all.size() - 1);
            assertThat(corrected.revision).isEqualTo(2);
            assertThat(corrected.effectiveCost).isEqualByComparingTo("4.00");
            assertThat(corrected.lines).isEqualTo(3);
            assertThat(h.numKeyedStateEntries()).isEqualTo(3);
        }
    }
}
