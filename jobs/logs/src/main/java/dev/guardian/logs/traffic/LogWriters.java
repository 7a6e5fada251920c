package dev.guardian.logs.traffic;

import dev.guardian.traffic.kafka.KafkaPointWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka writer of {@code replay logs} and {@code generate logs}: traffic's bounded, idempotent
 * writer, on a producer that accepts requests up to 4 MB, because log lines over 1 MB exist (and
 * the job must show what it does with them). The broker's {@code message.max.bytes} still applies
 * (2 MB on the local stack, 1 MB by Kafka's default).
 */
final class LogWriters {

    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    private static final Duration MAX_BLOCK = Duration.ofSeconds(15);

    private LogWriters() {}

    static KafkaPointWriter open(String bootstrap, String topic, String clientId, int maxInFlight) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        Producer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new KafkaException(
                    "no answer about topic "
                            + topic
                            + " from Kafka at "
                            + bootstrap
                            + " within "
                            + MAX_BLOCK.toSeconds()
                            + " s (is it up? ./guardian stack status): "
                            + e.getMessage(),
                    e);
        }
        return new KafkaPointWriter(producer, topic, maxInFlight);
    }
}
