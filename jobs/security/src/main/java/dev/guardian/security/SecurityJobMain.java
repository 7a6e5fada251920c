package dev.guardian.security;

import dev.guardian.common.job.JobConfiguration;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.common.SinkOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.security.rules.RuleDirectory;
import dev.guardian.security.rules.RuleUpdate;
import dev.guardian.security.rules.RuleUpdateDeserializer;
import dev.guardian.security.sigma.RuleProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the security job against Kafka, ClickHouse and Elasticsearch: {@code security.events} in,
 * Sigma rules from a directory plus changes from the rules topic, detections, alerts and dead
 * letters out. Settings are {@code --key value} pairs or {@code --config FILE} (properties).
 */
public final class SecurityJobMain {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityJobMain.class);

    private SecurityJobMain() {}

    public static List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new ArrayList<>();
        options.addAll(
                JobConfiguration.optionsOf(
                        SecurityJobOptions.class,
                        KafkaOptions.class,
                        ClickHouseOptions.class,
                        ElasticsearchOptions.class));
        options.addAll(JobConfiguration.prefixed(ClickHouseOptions.PREFIX, SinkOptions.class));
        options.addAll(JobConfiguration.prefixed(ElasticsearchOptions.PREFIX, SinkOptions.class));
        return options;
    }

    public static void main(String[] args) throws Exception {
        Configuration conf = JobConfiguration.fromArgs(args, options());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        defineJob(env, conf);
        env.execute(SecurityJob.NAME);
    }

    /** The whole production job on {@code env}: Kafka sources, the workflow, the real sinks. */
    public static void defineJob(StreamExecutionEnvironment env, Configuration conf) {
        Map<String, String> rules = initialRules(conf);
        SecurityJob.configure(env, conf);
        String topic = conf.get(SecurityJobOptions.INPUT_TOPIC);
        DataStream<RawRecord> input =
                env.fromSource(
                                KafkaConnections.rawSource(
                                        conf,
                                        topic,
                                        SecurityJob.NAME,
                                        new SecurityEventTime(
                                                conf.get(SecurityJobOptions.MAX_MESSAGE_BYTES),
                                                conf.get(SecurityJobOptions.MAX_FUTURE_SKEW))),
                                RawRecordWatermarks.strategy(
                                        conf.get(SecurityJobOptions.OUT_OF_ORDERNESS),
                                        conf.get(SecurityJobOptions.IDLENESS)),
                                "Kafka " + topic)
                        .uid("security-source-kafka");
        String rulesTopic = conf.get(SecurityJobOptions.RULES_TOPIC);
        DataStream<RuleUpdate> ruleUpdates =
                env.fromSource(
                                rulesSource(conf, rulesTopic),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka " + rulesTopic)
                        .setParallelism(1)
                        .uid("security-source-kafka-rules");
        SecurityJob.defineWorkflow(
                conf,
                input,
                ruleUpdates,
                rules,
                SecurityJobOptions.detectionSettings(conf),
                new ProductionSecuritySinks(conf));
    }

    /** The rule files of the rules directory; what cannot run is logged with file and line. */
    static Map<String, String> initialRules(Configuration conf) {
        String dir = conf.get(SecurityJobOptions.RULES_DIR);
        if (dir.isBlank()) {
            LOG.info("No rules directory: Sigma rules come from the rules topic only");
            return Map.of();
        }
        RuleDirectory.Loaded loaded = RuleDirectory.load(Path.of(dir));
        for (RuleProblem problem : loaded.problems()) {
            LOG.warn("Sigma rule not loaded: {}", problem);
        }
        LOG.info("Sigma {} from {}", loaded.compiled().summary(), Path.of(dir).toAbsolutePath());
        return loaded.sources();
    }

    /**
     * The rules topic from its beginning (it is compacted: the latest text of every file) when the
     * job starts fresh; a restored job continues from its checkpointed offsets.
     */
    static KafkaSource<RuleUpdate> rulesSource(Configuration conf, String topic) {
        return KafkaSource.<RuleUpdate>builder()
                .setBootstrapServers(conf.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setTopics(topic)
                .setGroupId(
                        conf.get(KafkaOptions.GROUP_ID_PREFIX) + "-" + SecurityJob.NAME + "-rules")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RuleUpdateDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }
}
