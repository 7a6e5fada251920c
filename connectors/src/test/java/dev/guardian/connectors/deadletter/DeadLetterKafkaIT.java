package dev.guardian.connectors.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.connectors.testing.KafkaTopics;
import dev.guardian.connectors.testing.LocalServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dead-letter sink and publisher against the local Kafka, each test with its own topic. */
class DeadLetterKafkaIT {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private final String source = LocalServices.randomName("it.source").replace('_', '-');
    private final String dlq = DeadLetterTopics.forSource(source);

    @BeforeEach
    void createTopic() throws Exception {
        LocalServices.requireUp("Kafka", LocalServices.kafkaBootstrap());
        KafkaTopics.create(dlq);
    }

    @AfterEach
    void deleteTopic() {
        KafkaTopics.delete(dlq);
    }

    @ParameterizedTest
    @EnumSource(
            value = DeliveryGuarantee.class,
            names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void aJobsDeadLettersLandOnTheSourceTopicsDlqKeyedByCoordinates(DeliveryGuarantee guarantee)
            throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(200);
        String topic = source;
        DataGeneratorSource<RejectedRecord> letters =
                new DataGeneratorSource<>(
                        (GeneratorFunction<Long, RejectedRecord>)
                                n ->
                                        new RejectedRecord(
                                                ("bad " + n).getBytes(StandardCharsets.UTF_8),
                                                topic,
                                                0,
                                                n,
                                                "java.lang.IllegalArgumentException",
                                                "bad record " + n,
                                                1_700_000_000_000L),
                        50,
                        TypeInformation.of(RejectedRecord.class));
        env.fromSource(letters, WatermarkStrategy.noWatermarks(), "dead letters")
                .uid("dead-letters")
                .sinkTo(
                        DeadLetterSinks.kafka(
                                LocalServices.kafkaBootstrap(),
                                new JsonRejectedRecordEncoder(),
                                guarantee,
                                "it-" + source))
                .name("dead-letter topic")
                .uid("dead-letter-topic");
        env.execute("dead letters IT");

        List<ConsumerRecord<byte[], byte[]>> records =
                KafkaTopics.readAll(dlq, 50, Duration.ofSeconds(30));
        List<String> keys = new ArrayList<>();
        records.forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
        assertThat(keys)
                .hasSize(50)
                .contains(source + "/0@0", source + "/0@49")
                .doesNotHaveDuplicates();
    }

    @Test
    void thePublisherWaitsForAcknowledgement() throws Exception {
        try (DeadLetterPublisher<RejectedRecord> publisher =
                new DeadLetterPublisher<>(
                                LocalServices.kafkaBootstrap(),
                                new JsonRejectedRecordEncoder(),
                                null,
                                new Properties())
                        .open()) {
            publisher.publish(new RejectedRecord(new byte[] {1}, source, 2, 7, "E", "why", 1L));
            publisher.flush();
        }

        List<ConsumerRecord<byte[], byte[]>> records =
                KafkaTopics.readAll(dlq, 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8))
                .isEqualTo(source + "/2@7");
    }
}
