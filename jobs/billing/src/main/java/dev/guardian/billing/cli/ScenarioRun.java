package dev.guardian.billing.cli;

import dev.guardian.billing.BillingJob;
import dev.guardian.billing.BillingJobOptions;
import dev.guardian.billing.BillingSinks;
import dev.guardian.billing.budget.BudgetStatus;
import dev.guardian.billing.budget.Budgets;
import dev.guardian.billing.generate.BillingScenario;
import dev.guardian.billing.generate.Delivery;
import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.record.BillingEventTime;
import dev.guardian.billing.rollup.CostRollup;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Forecast;
import dev.guardian.schemas.serde.RecordCodec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the billing workflow over a generated scenario on a local mini cluster at parallelism 1
 * (in-memory input, Avro as on the topic), keeping forecasts, anomalies and alerts and counting the
 * rest; reports wall and JVM CPU time. Shared by {@code bench billing} and {@code eval
 * cost-incidents}.
 */
final class ScenarioRun {

    /** What the run produced and cost. */
    static final class Result {
        long records;
        double wallSeconds;
        double cpuSeconds;
        List<Forecast> forecasts;
        List<Anomaly> anomalies;
        List<Alert> alerts;
        List<BudgetStatus> budgetStatus;
        List<DeadLetter> deadLetters;
    }

    /** Keeps the small outputs, counts the large ones. */
    static final class Sinks implements BillingSinks {
        private static final long serialVersionUID = 1L;
        final CollectingSink<Forecast> forecasts = new CollectingSink<>();
        final CollectingSink<Anomaly> anomalies = new CollectingSink<>();
        final CollectingSink<Alert> alerts = new CollectingSink<>();
        final CollectingSink<BudgetStatus> budgetStatus = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

        @Override
        public void records(DataStream<BillingDelivery> records) {
            records.sinkTo(new DiscardingSink<>()).name("discard records").uid("run-records");
        }

        @Override
        public void rollups(RollupGranularity granularity, DataStream<CostRollup> rollups) {
            rollups.sinkTo(new DiscardingSink<>())
                    .name("discard rollups " + granularity)
                    .uid("run-rollups-" + granularity);
        }

        @Override
        public void forecasts(DataStream<Forecast> stream) {
            stream.sinkTo(forecasts).name("forecasts").uid("run-forecasts");
        }

        @Override
        public void anomalies(DataStream<Anomaly> stream) {
            stream.sinkTo(anomalies).name("anomalies").uid("run-anomalies");
        }

        @Override
        public void alerts(DataStream<Alert> stream) {
            stream.sinkTo(alerts).name("alerts").uid("run-alerts");
        }

        @Override
        public void budgetStatus(DataStream<BudgetStatus> stream) {
            stream.sinkTo(budgetStatus).name("budget status").uid("run-budget-status");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> stream) {
            stream.sinkTo(deadLetters).name("dead letters").uid("run-dead-letters");
        }
    }

    private ScenarioRun() {}

    static List<RawRecord> encode(BillingScenario scenario) {
        RecordCodec<BillingRecord> codec = RecordCodec.of(BillingRecord.class);
        List<RawRecord> input = new ArrayList<>(scenario.deliveries.size());
        long offset = 0;
        for (Delivery d : scenario.deliveries) {
            input.add(
                    new RawRecord(
                            codec.encode(d.record), "billing.records", 0, offset++, d.deliveredAt));
        }
        return input;
    }

    static Result run(List<RawRecord> input, Configuration conf, Budgets budgets) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        Sinks sinks = new Sinks();
        BillingJob.defineWorkflow(
                conf,
                budgets,
                env.fromData(
                                BillingEventTime.stamp(input, conf),
                                TypeInformation.of(RawRecord.class))
                        .assignTimestampsAndWatermarks(BillingJob.watermarks(conf)),
                sinks);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        env.execute(BillingJob.NAME + "-local");
        Result r = new Result();
        r.wallSeconds = (System.nanoTime() - wall0) / 1e9;
        r.cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        r.records = input.size();
        r.forecasts = sinks.forecasts.received();
        r.anomalies = sinks.anomalies.received();
        r.alerts = sinks.alerts.received();
        r.budgetStatus = sinks.budgetStatus.received();
        r.deadLetters = sinks.deadLetters.received();
        return r;
    }

    static Configuration configuration(String modelDir) {
        Configuration conf = new Configuration();
        if (modelDir != null) {
            conf.set(BillingJobOptions.MODEL_DIR, modelDir);
        }
        return conf;
    }
}
