package dev.guardian.connectors.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Creates, reads and deletes test topics on the local Kafka. */
public final class KafkaTopics {

    private KafkaTopics() {}

    public static void create(String... topics) throws Exception {
        try (Admin admin = Admin.create(adminProps())) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, 1, (short) 1));
            }
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        }
    }

    public static void delete(String... topics) {
        try (Admin admin = Admin.create(adminProps())) {
            admin.deleteTopics(Set.of(topics)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: the names are random
        }
    }

    /** Every committed record of partition 0, waiting up to {@code timeout} for {@code min}. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(
            String topic, int min, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                if (records.size() >= min && consumer.position(partition) >= end) {
                    break;
                }
            }
        }
        return records;
    }

    private static Map<String, Object> adminProps() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalServices.kafkaBootstrap());
    }
}
