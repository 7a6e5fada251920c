package dev.guardian.billing;

import dev.guardian.billing.budget.Budgets;
import dev.guardian.billing.record.BillingEventTime;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.job.JobConfiguration;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.common.SinkOptions;
import dev.guardian.schemas.GuardianAvroTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the billing job against Kafka and ClickHouse. Settings are {@code --key value} pairs or
 * {@code --config FILE} (properties); {@code --help} lists them.
 */
public final class BillingJobMain {

    private BillingJobMain() {}

    public static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>();
        options.addAll(
                JobConfiguration.optionsOf(
                        BillingJobOptions.class, KafkaOptions.class, ClickHouseOptions.class));
        options.addAll(JobConfiguration.prefixed(ClickHouseOptions.PREFIX, SinkOptions.class));
        return options;
    }

    private static Budgets readBudgets(Path file) {
        try {
            return Budgets.read(file);
        } catch (IOException e) {
            throw new UsageException("cannot read budgets file " + file + ": " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        GuardianAvroTrust.install();
        Configuration conf = JobConfiguration.fromArgs(args, options());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(
                conf.get(BillingJobOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);

        String topic = conf.get(BillingJobOptions.INPUT_TOPIC);
        DataStream<RawRecord> input =
                env.fromSource(
                                KafkaConnections.rawSource(
                                        conf, topic, BillingJob.NAME, new BillingEventTime(conf)),
                                BillingJob.watermarks(conf),
                                "Kafka " + topic)
                        .uid("billing-source-kafka");
        Budgets budgets =
                conf.getOptional(BillingJobOptions.BUDGETS_FILE)
                        .map(f -> readBudgets(Path.of(f)))
                        .orElse(Budgets.none());
        BillingJob.defineWorkflow(conf, budgets, input, new ProductionBillingSinks(conf));
        env.execute(BillingJob.NAME);
    }
}
