package dev.guardian.ops.verify;

import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a dead-letter topic back and compares it with the records that had to land there: each once
 * (by the original record's partition and offset), byte for byte, with a reason.
 */
final class DeadLetterCheck {

    private DeadLetterCheck() {}

    static List<OutputCount> check(
            String bootstrap,
            String topic,
            Set<ByteBuffer> rejected,
            long expected,
            Duration wait) {
        RecordCodec<DeadLetter> codec = RecordCodec.of(DeadLetter.class);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "guardian-verify-dlq-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        long letters = 0;
        long undecodable = 0;
        long withReason = 0;
        long foreign = 0;
        Set<String> originals = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + wait.toNanos();
            long idleSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    // all there and nothing more for 10 s: done
                    if (originals.size() >= expected
                            && System.nanoTime() - idleSince > Duration.ofSeconds(10).toNanos()) {
                        break;
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    letters++;
                    DeadLetter letter;
                    try {
                        letter = codec.decode(record.value());
                    } catch (RuntimeException e) {
                        undecodable++;
                        continue;
                    }
                    originals.add(letter.getPartition() + "@" + letter.getOffset());
                    if (!letter.getErrorClass().isBlank() && !letter.getErrorMessage().isBlank()) {
                        withReason++;
                    }
                    ByteBuffer original = letter.getOriginalBytes();
                    if (!rejected.contains(original)) {
                        foreign++;
                    }
                }
            }
        }
        long distinct = originals.size();
        return List.of(
                new OutputCount(
                        "Kafka " + topic,
                        expected,
                        distinct - Math.min(distinct, foreign),
                        letters - distinct - undecodable,
                        foreign + undecodable),
                OutputCount.of("dead letters with a reason", expected, withReason, -1));
    }
}
