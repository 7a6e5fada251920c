package dev.guardian.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.typeinfo.AvroRecordSerializer;
import dev.guardian.schemas.Alert;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class BudgetTrackerTest {

    private static final long HOUR = 3_600_000L;

    /** November 2026 has 720 hours; a flat $2/h spends $1,440. */
    private static final long NOV_1 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    private static KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, Alert> harness(
            String yaml) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new BudgetTracker(Budgets.parse(yaml), "http://grafana")),
                        new BudgetIdSelector(),
                        Types.STRING);
        harness.setup(new AvroRecordSerializer<>(Alert.class));
        return harness;
    }

    private static void spend(
            KeyedOneInputStreamOperatorTestHarness<String, BudgetCharge, Alert> h,
            int fromHour,
            int toHour,
            String perHour)
            throws Exception {
        for (int i = fromHour; i < toHour; i++) {
            long hour = NOV_1 + i * HOUR;
            h.processElement(
                    new StreamRecord<>(new BudgetCharge("b", hour, new BigDecimal(perHour)), hour));
            h.processWatermark(hour + HOUR - 1);
        }
    }

    @Test
    void thresholdsAlertOnceEachWhenActualSpendCrossesThem() throws Exception {
        try (var h = harness("budgets:\n  - id: b\n    amount: 100\n    forecastAlert: false\n")) {
            h.open();
            spend(h, 0, 60, "2.00"); // $120 by hour 60

            List<String> titles =
                    h.extractOutputValues().stream()
                            .map(Alert::getTitle)
                            .collect(Collectors.toList());
            assertThat(titles)
                    .containsExactly(
                            "Budget b: actual spend $50.00 crossed 50% of $100.00 for 2026-11",
                            "Budget b: actual spend $80.00 crossed 80% of $100.00 for 2026-11",
                            "Budget b: actual spend $100.00 crossed 100% of $100.00 for 2026-11");
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getFingerprint)
                    .containsExactly(
                            "budget:b:2026-11:threshold-50",
                            "budget:b:2026-11:threshold-80",
                            "budget:b:2026-11:threshold-100");
            assertThat(h.getSideOutput(BudgetTracker.STATUS)).hasSize(60);
        }
    }

    @Test
    void aProjectedBreachAlertsOnceWithTheDayAndTheDollarsOver() throws Exception {
        try (var h =
                harness(
                        "budgets:\n  - id: b\n    name: Platform\n    amount: 1000\n"
                                + "    thresholds: [1.0]\n")) {
            h.open();
            spend(h, 0, 96, "2.00"); // four days at $2/h project $1,440 for the month

            List<Alert> alerts = h.extractOutputValues();
            assertThat(alerts).hasSize(1);
            Alert alert = alerts.get(0);
            assertThat(alert.getFingerprint()).isEqualTo("budget:b:2026-11:forecast");
            assertThat(alert.getTitle())
                    .startsWith("Budget Platform: projected $4")
                    .contains("over budget on 2026-11-21")
                    .contains("vs $1,000.00");
            assertThat(Double.parseDouble(alert.getEvidence().get("projected")))
                    .isBetween(1400.0, 1480.0);
            assertThat(alert.getLabels()).containsEntry("kind", "budget-forecast");
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }
}
