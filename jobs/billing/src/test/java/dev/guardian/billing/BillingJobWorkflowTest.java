package dev.guardian.billing;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.rollup.CostRollup;
import dev.guardian.billing.testing.CollectingBillingSinks;
import dev.guardian.billing.testing.Inputs;
import dev.guardian.common.kafka.RawRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The billing workflow on a mini cluster, with bounded input and collecting sinks. */
class BillingJobWorkflowTest {

    private static final Configuration CONF = new Configuration();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void restatementsAndReDeliveriesReplaceAndBadRecordsAreDeadLettered() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        // three hours, two resources, tagged by team
        for (int hour = 0; hour < 3; hour++) {
            input.add(line().hour(hour).resource("i-1").cost("1.50").tag("team", "web").raw(10));
            input.add(line().hour(hour).resource("i-2").cost("2.25").tag("team", "db").raw(10));
        }
        input.add(line().hour(0).resource("i-1").cost("1.50").tag("team", "web").raw(20));
        input.add(line().hour(1).resource("i-2").cost("3.00").tag("team", "db").raw(30));
        input.add(line().hour(2).resource("i-1").cost("1.50").tag("team", "db").raw(40));
        input.add(
                new RawRecord(
                        "{\"ProviderName\":\"AWS\"}".getBytes(StandardCharsets.UTF_8),
                        "billing.records",
                        1,
                        9,
                        50));
        input.add(
                new RawRecord(new byte[] {(byte) 0xc3, 0x01, 0x02}, "billing.records", 1, 10, 50));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingBillingSinks sinks = new CollectingBillingSinks();
        BillingJob.defineWorkflow(CONF, Inputs.of(env, input, CONF), sinks);
        env.execute();

        assertThat(sinks.records.received()).hasSize(9);
        assertThat(sinks.deadLetters.received()).hasSize(2);

        Map<String, CostRollup> hourly = CollectingBillingSinks.latest(sinks.hourly.received());
        BigDecimal total =
                hourly.values().stream()
                        .map(r -> r.effectiveCost)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        // 3 x 1.50 + 3 x 2.25, with hour 1 of i-2 restated to 3.00
        assertThat(total).isEqualByComparingTo("12.00");
        // hour 2 of i-1 was re-tagged from web to db: the web cell's row is replaced by zero
        // (a FINAL query then sums nothing there), db holds both lines
        assertThat(hourly.values())
                .filteredOn(
                        r ->
                                r.bucketStart
                                        == line().hour(2)
                                                .record()
                                                .getChargePeriodStart()
                                                .toEpochMilli())
                .extracting(
                        r ->
                                String.join("=", r.tags)
                                        + " "
                                        + r.effectiveCost.stripTrailingZeros().toPlainString()
                                        + " "
                                        + r.lines)
                .containsExactlyInAnyOrder("team=db 3.75 2", "team=web 0 0");

        Map<String, CostRollup> daily = CollectingBillingSinks.latest(sinks.daily.received());
        assertThat(daily.values())
                .extracting(
                        r ->
                                String.join("=", r.tags)
                                        + " "
                                        + r.effectiveCost.stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("team=web 3", "team=db 9");
    }
}
