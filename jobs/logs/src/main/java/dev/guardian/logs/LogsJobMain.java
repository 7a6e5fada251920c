package dev.guardian.logs;

import dev.guardian.common.job.JobConfiguration;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.common.SinkOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.schemas.GuardianAvroTrust;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the logs job against Kafka, Elasticsearch and ClickHouse. Settings are {@code --key value}
 * pairs or {@code --config FILE} (properties), checked against {@link #options()}.
 */
public final class LogsJobMain {

    private LogsJobMain() {}

    public static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>();
        options.addAll(
                JobConfiguration.optionsOf(
                        LogsJobOptions.class,
                        KafkaOptions.class,
                        ClickHouseOptions.class,
                        ElasticsearchOptions.class));
        options.addAll(JobConfiguration.prefixed(ClickHouseOptions.PREFIX, SinkOptions.class));
        options.addAll(JobConfiguration.prefixed(ElasticsearchOptions.PREFIX, SinkOptions.class));
        return options;
    }

    public static void main(String[] args) throws Exception {
        GuardianAvroTrust.install();
        Configuration conf = JobConfiguration.fromArgs(args, options());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        LogsJob.configure(env, conf);

        String topic = conf.get(LogsJobOptions.INPUT_TOPIC);
        DataStream<RawRecord> input =
                env.fromSource(
                                KafkaConnections.rawSource(conf, topic, LogsJob.NAME),
                                LogsJob.watermarks(conf),
                                "Kafka " + topic)
                        .uid("logs-source-kafka");
        LogsJob.defineWorkflow(conf, input, new ProductionLogsSinks(conf));
        env.execute(LogsJob.NAME);
    }
}
