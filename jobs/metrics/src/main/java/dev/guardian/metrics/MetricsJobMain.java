package dev.guardian.metrics;

import dev.guardian.common.job.JobConfiguration;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.common.SinkOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.connectors.influxdb.InfluxDbOptions;
import dev.guardian.metrics.validate.MetricEventTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the metrics job against Kafka, ClickHouse, Elasticsearch and InfluxDB. Settings are {@code
 * --key value} pairs or {@code --config FILE} (properties); {@code --help} lists them.
 */
public final class MetricsJobMain {

    private MetricsJobMain() {}

    public static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>();
        options.addAll(
                JobConfiguration.optionsOf(
                        MetricsJobOptions.class,
                        KafkaOptions.class,
                        ClickHouseOptions.class,
                        ElasticsearchOptions.class,
                        InfluxDbOptions.class));
        options.addAll(JobConfiguration.prefixed(ClickHouseOptions.PREFIX, SinkOptions.class));
        options.addAll(JobConfiguration.prefixed(ElasticsearchOptions.PREFIX, SinkOptions.class));
        options.addAll(JobConfiguration.prefixed(InfluxDbOptions.PREFIX, SinkOptions.class));
        return options;
    }

    public static void main(String[] args) throws Exception {
        Configuration conf = JobConfiguration.fromArgs(args, options());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        MetricsJob.configure(env, conf);

        String topic = conf.get(MetricsJobOptions.INPUT_TOPIC);
        DataStream<RawRecord> input =
                env.fromSource(
                                KafkaConnections.rawSource(
                                        conf, topic, MetricsJob.NAME, new MetricEventTime(conf)),
                                RawRecordWatermarks.strategy(
                                        conf.get(MetricsJobOptions.OUT_OF_ORDERNESS),
                                        conf.get(MetricsJobOptions.IDLENESS)),
                                "Kafka " + topic)
                        .uid("metrics-source-kafka");
        MetricsJob.defineWorkflow(conf, input, new ProductionMetricsSinks(conf));
        env.execute(MetricsJob.NAME);
    }
}
