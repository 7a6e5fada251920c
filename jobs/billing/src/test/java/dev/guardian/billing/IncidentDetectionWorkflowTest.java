package dev.guardian.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.generate.BillingScenario;
import dev.guardian.billing.generate.CostIncident;
import dev.guardian.billing.generate.Delivery;
import dev.guardian.billing.generate.IncidentKind;
import dev.guardian.billing.testing.CollectingBillingSinks;
import dev.guardian.billing.testing.Inputs;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.Forecast;
import dev.guardian.schemas.serde.RecordCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A week of generated billing (one AWS account, four sub accounts) with the three kinds of injected
 * incident through the whole workflow: each must alert once, in the incident's first hour of
 * billing data, with the injected cause as root cause, and no other key may alert.
 */
class IncidentDetectionWorkflowTest {

    private static final Configuration CONF = new Configuration();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final RecordCodec<BillingRecord> CODEC = RecordCodec.of(BillingRecord.class);
    private static final long HOUR = 3_600_000L;
    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long DAY = 24 * HOUR;
    private static final List<CostIncident> INCIDENTS =
            List.of(
                    new CostIncident(
                            IncidentKind.RUNAWAY_INSTANCE_GROUP,
                            START + 5 * DAY + 10 * HOUR,
                            START + 5 * DAY + 14 * HOUR),
                    new CostIncident(
                            IncidentKind.DATA_TRANSFER_SPIKE,
                            START + 5 * DAY + 20 * HOUR,
                            START + 5 * DAY + 23 * HOUR),
                    new CostIncident(
                            IncidentKind.NEW_EXPENSIVE_SKU,
                            START + 6 * DAY + 14 * HOUR,
                            START + 6 * DAY + 18 * HOUR));
    private static final long END = START + 7 * DAY;

    @Test
    void eachInjectedIncidentAlertsOnceWithinAnHourWithItsRootCause() throws Exception {
        BillingScenario scenario = new BillingScenario(7, 1, START, END, INCIDENTS, 0.01, true);
        List<RawRecord> input = new ArrayList<>();
        long offset = 0;
        for (Delivery d : scenario.deliveries) {
            input.add(
                    new RawRecord(
                            CODEC.encode(d.record), "billing.records", 0, offset++, d.deliveredAt));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // one subtask keeps the hours in order, as they are when an export arrives once an hour;
        // a replay at full speed through parallel subtasks interleaves hours, and which forecast
        // judges an hour while it is still open would then depend on thread timing
        env.setParallelism(1);
        CollectingBillingSinks sinks = new CollectingBillingSinks();
        BillingJob.defineWorkflow(CONF, Inputs.of(env, input, CONF), sinks);
        env.execute();

        List<Alert> firing =
                sinks.alerts.received().stream()
                        .filter(a -> a.getStatus() == AlertStatus.FIRING)
                        .sorted(Comparator.comparing(Alert::getStartsAt))
                        .collect(Collectors.toList());
        assertThat(firing)
                .as("alerts: %s", firing.stream().map(Alert::getTitle).collect(Collectors.toList()))
                .hasSize(3);
        String[] causes = {
            "skuId=BoxUsage:c6i.4xlarge",
            "resourceId=arn:aws:ec2:natgateway/nat-",
            "skuId=BoxUsage:p4d.24xlarge"
        };
        for (int i = 0; i < 3; i++) {
            CostIncident incident = INCIDENTS.get(i);
            Alert alert = firing.get(i);
            assertThat(alert.getEntity()).isEqualTo(scenario.entityOf(incident.kind));
            assertThat(alert.getStartsAt().toEpochMilli()).isEqualTo(incident.startMillis);
            // billing data for an hour exists at its end: detected with the incident's first hour
            assertThat(alert.getTime().toEpochMilli() - incident.startMillis).isEqualTo(HOUR);
            Anomaly first =
                    sinks.anomalies.received().stream()
                            .filter(a -> a.getId().equals(alert.getOriginId()))
                            .findFirst()
                            .orElseThrow();
            assertThat(first.getDriver()).as(first.getExplanation()).startsWith(causes[i]);
            assertThat(first.getExplanation()).contains("explains");
        }
        assertThat(sinks.alerts.received())
                .filteredOn(a -> a.getStatus() == AlertStatus.RESOLVED)
                .hasSizeGreaterThanOrEqualTo(2);

        List<Forecast> forecasts = sinks.forecasts.received();
        assertThat(forecasts).isNotEmpty();
        assertThat(forecasts)
                .allSatisfy(f -> assertThat(f.getModel()).isEqualTo("seasonal-ensemble"));
    }
}
