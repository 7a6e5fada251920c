package dev.guardian.alerts;

import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.job.JobConfiguration;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.common.SinkOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the alert router against Kafka, ClickHouse, Elasticsearch and the configured receivers.
 * Settings are {@code --key value} pairs or {@code --config FILE}; the routing YAML is {@code
 * --guardian.alerts.config FILE}.
 */
public final class AlertRouterJobMain {

    private AlertRouterJobMain() {}

    public static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>();
        options.addAll(
                JobConfiguration.optionsOf(
                        AlertRouterOptions.class,
                        KafkaOptions.class,
                        ClickHouseOptions.class,
                        ElasticsearchOptions.class));
        options.addAll(JobConfiguration.prefixed(ClickHouseOptions.PREFIX, SinkOptions.class));
        options.addAll(JobConfiguration.prefixed(ElasticsearchOptions.PREFIX, SinkOptions.class));
        return options;
    }

    public static void main(String[] args) throws Exception {
        Configuration conf = JobConfiguration.fromArgs(args, options());
        String file =
                conf.getOptional(AlertRouterOptions.CONFIG_FILE)
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "the router needs its rules: --"
                                                        + AlertRouterOptions.CONFIG_FILE.key()
                                                        + " FILE (see jobs/alerts/README.md)"));
        RouterConfig router = RouterConfigParser.parseFile(Path.of(file));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(
                conf.get(AlertRouterOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        String alertsTopic = conf.get(AlertRouterOptions.INPUT_TOPIC);
        String mutesTopic = conf.get(AlertRouterOptions.MUTES_TOPIC);
        DataStream<RawRecord> alerts =
                env.fromSource(
                                KafkaConnections.rawSource(conf, alertsTopic, AlertRouterJob.NAME),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka " + alertsTopic)
                        .uid("alerts-source-kafka");
        DataStream<RawRecord> mutes =
                env.fromSource(
                                KafkaConnections.rawSource(
                                        conf, mutesTopic, AlertRouterJob.NAME + "-mutes"),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka " + mutesTopic)
                        .uid("alerts-source-kafka-mutes")
                        .setParallelism(1);
        AlertRouterJob.defineWorkflow(
                conf, router, alerts, mutes, new ProductionAlertRouterSinks(conf));
        env.execute(AlertRouterJob.NAME);
    }
}
