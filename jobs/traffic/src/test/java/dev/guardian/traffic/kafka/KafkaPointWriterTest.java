package dev.guardian.traffic.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The writer's own logic (the in-flight window and failure handling) on Kafka's in-memory producer,
 * which lets a test decide when each send completes. The real broker is in {@code TrafficKafkaIT}.
 */
class KafkaPointWriterTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void blocksWhenTheWindowIsFullUntilAnAckFreesASlot() throws Exception {
        KafkaPointWriter writer = new KafkaPointWriter(producer, "metrics.points", 2);
        writer.send(bytes("a"), bytes("1"));
        writer.send(bytes("b"), bytes("2"));
        assertThat(writer.inFlight()).isEqualTo(2);

        CompletableFuture<Void> third =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                writer.send(bytes("c"), bytes("3"));
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        Thread.sleep(200);
        assertThat(third).isNotDone();

        producer.completeNext();
        third.get(5, TimeUnit.SECONDS);
        assertThat(writer.acknowledged()).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
        assertThat(producer.history().get(0).topic()).isEqualTo("metrics.points");
        assertThat(producer.history().get(0).key()).isEqualTo(bytes("a"));
    }

    @Test
    void flushWaitsForEveryAck() throws Exception {
        KafkaPointWriter writer = new KafkaPointWriter(producer, "metrics.points", 10);
        for (int i = 0; i < 5; i++) {
            writer.send(bytes("k"), bytes("v" + i));
        }

        writer.flush();

        assertThat(writer.acknowledged()).isEqualTo(5);
        assertThat(writer.inFlight()).isZero();
    }

    @Test
    void theFirstFailedSendStopsTheWriter() throws Exception {
        KafkaPointWriter writer = new KafkaPointWriter(producer, "metrics.points", 10);
        writer.send(bytes("k"), bytes("v"));
        producer.errorNext(new KafkaException("NOT_ENOUGH_REPLICAS"));

        assertThatThrownBy(() -> writer.send(bytes("k"), bytes("w")))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("send to metrics.points failed after 0 acknowledged")
                .hasMessageContaining("NOT_ENOUGH_REPLICAS");
        assertThatThrownBy(writer::flush).isInstanceOf(KafkaException.class);
        assertThat(writer.inFlight()).isZero();
    }

    @Test
    void asksForDurableDuplicateFreeDelivery() {
        Map<String, Object> config = KafkaPointWriter.producerConfig("127.0.0.1:9092", "test");

        assertThat(config)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    }
}
