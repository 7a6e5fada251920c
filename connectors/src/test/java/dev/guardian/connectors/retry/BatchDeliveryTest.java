package dev.guardian.connectors.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.connectors.common.SinkMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchDeliveryTest {

    private static final RetryPolicy POLICY =
            RetryPolicy.of(3, Duration.ofMillis(10), Duration.ofMillis(25));

    private final List<Duration> waits = new ArrayList<>();
    private final SinkMetrics metrics = SinkMetrics.unregistered();

    @Test
    void retriesTransientFailuresWithBackoffThenSucceeds() throws Exception {
        ScriptedSender sender =
                new ScriptedSender()
                        .fail(new ConnectException("refused"))
                        .fail(new IOException("x"));

        new BatchDelivery<>(sender, POLICY, metrics, waits::add).deliver(List.of("a", "b"));

        assertThat(sender.sent)
                .containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("a", "b"));
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(metrics.retries()).isEqualTo(2);
        assertThat(metrics.recordsSent()).isEqualTo(2);
        assertThat(metrics.batchesSent()).isEqualTo(1);
        assertThat(metrics.failures()).isZero();
    }

    @Test
    void resendsOnlyTheElementsTheServiceRefused() throws Exception {
        ScriptedSender sender = new ScriptedSender().refuse(List.of("b"));

        new BatchDelivery<>(sender, POLICY, metrics, waits::add).deliver(List.of("a", "b", "c"));

        assertThat(sender.sent).containsExactly(List.of("a", "b", "c"), List.of("b"));
        assertThat(metrics.recordsSent()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheRetryBudgetNamingTheDestinationAndCause() {
        ScriptedSender sender = new ScriptedSender();
        for (int i = 0; i < 10; i++) {
            sender.fail(new ConnectException("Connection refused"));
        }

        assertThatThrownBy(
                        () ->
                                new BatchDelivery<>(sender, POLICY, metrics, waits::add)
                                        .deliver(List.of("a")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("test-service")
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("Connection refused")
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(sender.sent).hasSize(4);
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
        assertThat(metrics.failures()).isEqualTo(1);
        assertThat(metrics.recordsSent()).isZero();
    }

    @Test
    void doesNotRetryPermanentFailures() {
        ScriptedSender sender = new ScriptedSender().fail(new IllegalStateException("bad row"));

        assertThatThrownBy(
                        () ->
                                new BatchDelivery<>(sender, POLICY, metrics, waits::add)
                                        .deliver(List.of("a")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("not retryable")
                .hasMessageContaining("bad row");
        assertThat(sender.sent).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anEmptyBatchSendsNothing() throws Exception {
        ScriptedSender sender = new ScriptedSender();

        new BatchDelivery<>(sender, POLICY, metrics, waits::add).deliver(List.of());

        assertThat(sender.sent).isEmpty();
        assertThat(metrics.batchesSent()).isZero();
    }

    /** Plays back failures and refusals in order, then accepts everything. */
    private static final class ScriptedSender implements BatchSender<String> {
        final List<List<String>> sent = new ArrayList<>();
        final Deque<Object> script = new ArrayDeque<>();

        ScriptedSender fail(Exception e) {
            script.add(e);
            return this;
        }

        ScriptedSender refuse(List<String> elements) {
            script.add(elements);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<String> send(List<String> batch) throws Exception {
            sent.add(List.copyOf(batch));
            Object next = script.poll();
            if (next instanceof Exception) {
                throw (Exception) next;
            }
            return next == null ? List.of() : (List<String>) next;
        }

        @Override
        public boolean isRetryable(Throwable failure) {
            return failure instanceof IOException;
        }

        @Override
        public String destination() {
            return "test-service";
        }

        @Override
        public void close() {}
    }
}
