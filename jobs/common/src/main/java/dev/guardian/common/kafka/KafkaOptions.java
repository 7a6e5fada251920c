package dev.guardian.common.kafka;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Where the jobs find Kafka and how they read from it; shared by every job. */
public final class KafkaOptions {

    private KafkaOptions() {}

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("guardian.kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("127.0.0.1:9092")
                    .withDescription("Kafka bootstrap servers, comma separated.");

    public static final ConfigOption<String> GROUP_ID_PREFIX =
            ConfigOptions.key("guardian.kafka.group-id-prefix")
                    .stringType()
                    .defaultValue("guardian")
                    .withDescription(
                            "Prefix of the consumer group id; the job name is appended. Offsets"
                                    + " are committed on checkpoints, for monitoring only.");

    public static final ConfigOption<String> STARTING_OFFSETS =
            ConfigOptions.key("guardian.kafka.starting-offsets")
                    .stringType()
                    .defaultValue("committed-or-earliest")
                    .withDescription(
                            "Where a job without a checkpoint starts: earliest, latest or"
                                    + " committed-or-earliest.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            ConfigOptions.key("guardian.kafka.transactional-id-prefix")
                    .stringType()
                    .defaultValue("guardian")
                    .withDescription(
                            "Prefix of transactional ids of exactly-once Kafka sinks; must be"
                                    + " unique per job on a cluster.");
}
