package dev.guardian.billing.detect;

import static dev.guardian.billing.testing.Lines.HOUR;
import static dev.guardian.billing.testing.Lines.HOUR_0;
import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.record.CostChange;
import dev.guardian.common.typeinfo.AvroRecordSerializer;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.Forecast;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CostForecastOperatorTest {

    private static final long T0 = HOUR_0.toEpochMilli();
    private static final CostWatchSettings SETTINGS =
            new CostWatchSettings(5.0, 1.25, 72, 24, 256, null, "http://grafana", 2, 1.0 / 48);

    private static KeyedOneInputStreamOperatorTestHarness<String, CostChange, Forecast> harness()
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new CostForecastOperator(SETTINGS), new EntitySelector(), Types.STRING);
        harness.setup(new AvroRecordSerializer<>(Forecast.class));
        return harness;
    }

    /** Two services, a daily cycle around $10/h and $4/h; EC2 gets {@code extra} in hour h. */
    private static void hour(
            KeyedOneInputStreamOperatorTestHarness<String, CostChange, Forecast> h,
            int hour,
            double extra)
            throws Exception {
        double cycle = 1 + 0.3 * Math.sin(2 * Math.PI * (hour % 24) / 24);
        send(h, line().hour(hour).resource("i-1").sku("m5").cost(round(10 * cycle)));
        send(
                h,
                line().hour(hour)
                        .service("S3")
                        .resource("bucket")
                        .sku("storage")
                        .cost(round(4 * cycle)));
        if (extra > 0) {
            send(h, line().hour(hour).resource("gpu-1").sku("p4d").cost(extra));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CostChange, Forecast> h,
            dev.guardian.billing.testing.Lines l)
            throws Exception {
        CostChange c = CostChange.of(l.delivered(1));
        h.processElement(new StreamRecord<>(c, c.periodStart));
    }

    private static void closeThrough(
            KeyedOneInputStreamOperatorTestHarness<String, CostChange, Forecast> h, int hour)
            throws Exception {
        h.processWatermark(T0 + (hour + 1) * HOUR - 1);
    }

    @Test
    void forecastsEveryKeyOnceAnHourAfterADayOfHistory() throws Exception {
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < 30; i++) {
                hour(h, i, 0);
                closeThrough(h, i);
            }
            List<Forecast> forecasts = h.extractOutputValues();
            // hours 23..29 close with a day of history: 7 origins x 2 keys x (hourly + month)
            assertThat(forecasts).hasSize(7 * 2 * 2);
            Forecast last = forecasts.get(forecasts.size() - 2);
            assertThat(last.getMetric()).isEqualTo("effectiveCost");
            assertThat(last.getPoints()).hasSize(24);
            assertThat(last.getHorizonStart().toEpochMilli()).isEqualTo(T0 + 30 * HOUR);
            assertThat(last.getModel()).isEqualTo("seasonal-ensemble");
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void anHourOverItsBandAlertsBeforeItClosesAndResolvesAfterTwoNormalHours() throws Exception {
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < 96; i++) {
                hour(h, i, 0);
                closeThrough(h, i);
            }
            hour(h, 96, 60); // the GPU appears; the hour is still open
            List<Anomaly> anomalies =
                    h.getSideOutput(CostForecastOperator.ANOMALIES).stream()
                            .map(StreamRecord::getValue)
                            .collect(Collectors.toList());
            assertThat(anomalies).hasSize(1);
            Anomaly anomaly = anomalies.get(0);
            assertThat(anomaly.getEntity()).isEqualTo("111111111111|Amazon Elastic Compute Cloud");
            assertThat(anomaly.getDriver()).isEqualTo("skuId=p4d");
            assertThat(anomaly.getEvidence()).containsEntry("partialHour", "true");
            assertThat(anomaly.getEvidence().get("rootCause.amount")).isEqualTo("60.00");

            closeThrough(h, 96);
            for (int i = 97; i < 100; i++) {
                hour(h, i, 0);
                closeThrough(h, i);
            }
            List<Alert> alerts =
                    h.getSideOutput(CostForecastOperator.ALERTS).stream()
                            .map(StreamRecord::getValue)
                            .collect(Collectors.toList());
            assertThat(alerts)
                    .extracting(Alert::getStatus)
                    .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
            assertThat(alerts.get(0).getTime().toEpochMilli()).isEqualTo(T0 + 97 * HOUR);
            assertThat(alerts.get(1).getFingerprint()).isEqualTo(alerts.get(0).getFingerprint());
        }
    }

    @Test
    void historyAndForecastsSurviveSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < 80; i++) {
                hour(h, i, 0);
                closeThrough(h, i);
            }
            hour(h, 80, 0); // an hour still open at the checkpoint
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            send(h, line().hour(80).resource("gpu-1").sku("p4d").cost(60)); // over its band
            closeThrough(h, 80);
            assertThat(h.getSideOutput(CostForecastOperator.ANOMALIES)).hasSize(1);
            assertThat(h.extractOutputValues()).hasSize(2 * 2);
        }
    }
}
