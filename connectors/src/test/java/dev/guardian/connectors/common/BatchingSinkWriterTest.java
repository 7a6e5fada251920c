package dev.guardian.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.connectors.retry.BatchSender;
import dev.guardian.connectors.retry.DeliveryException;
import dev.guardian.connectors.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchingSinkWriterTest {

    private final ManualProcessingTime time = new ManualProcessingTime();
    private final RecordingSender sender = new RecordingSender();
    private final SinkMetrics metrics = SinkMetrics.unregistered();

    private BatchingSinkWriter<Integer, String> writer(int batchSize) {
        RecordEncoder<Integer, String> twoPerRecord =
                (record, out) -> {
                    out.accept(record + "a");
                    out.accept(record + "b");
                };
        return new BatchingSinkWriter<>(
                twoPerRecord,
                sender,
                new BatchSettings(batchSize, Duration.ofMillis(100), RetryPolicy.none()),
                metrics,
                time,
                d -> {});
    }

    @Test
    void sendsFullBatchesAtOnce() throws Exception {
        BatchingSinkWriter<Integer, String> writer = writer(3);

        writer.write(1, null);
        assertThat(sender.batches).isEmpty();
        writer.write(2, null);

        assertThat(sender.batches).containsExactly(List.of("1a", "1b", "2a"));
        assertThat(writer.bufferedElements()).isEqualTo(1);
        assertThat(metrics.recordsSent()).isEqualTo(3);
    }

    @Test
    void sendsAPartialBatchOnceTheFlushIntervalPassed() throws Exception {
        BatchingSinkWriter<Integer, String> writer = writer(100);

        writer.write(1, null);
        time.advanceTo(99);
        assertThat(sender.batches).isEmpty();
        time.advanceTo(100);

        assertThat(sender.batches).containsExactly(List.of("1a", "1b"));
        assertThat(time.pendingTimers()).isZero();
    }

    @Test
    void checkpointFlushSendsEverythingInBatchSizedRequests() throws Exception {
        BatchingSinkWriter<Integer, String> writer = writer(4);
        writer.write(1, null);
        writer.write(2, null);
        writer.write(3, null);

        writer.flush(false);

        assertThat(sender.batches)
                .containsExactly(List.of("1a", "1b", "2a", "2b"), List.of("3a", "3b"));
        assertThat(writer.bufferedElements()).isZero();
        assertThat(metrics.batchesSent()).isEqualTo(2);
    }

    @Test
    void aFailedDeliveryFailsTheWrite() throws Exception {
        BatchingSinkWriter<Integer, String> writer = writer(2);
        sender.failWith = new IOException("down");

        assertThatThrownBy(() -> writer.write(1, null))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("down");
        assertThat(metrics.failures()).isEqualTo(1);
    }

    private static final class RecordingSender implements BatchSender<String> {
        final List<List<String>> batches = new ArrayList<>();
        Exception failWith;

        @Override
        public List<String> send(List<String> batch) throws Exception {
            if (failWith != null) {
                throw failWith;
            }
            batches.add(List.copyOf(batch));
            return List.of();
        }

        @Override
        public boolean isRetryable(Throwable failure) {
            return true;
        }

        @Override
        public String destination() {
            return "recording";
        }

        @Override
        public void close() {}
    }
}
