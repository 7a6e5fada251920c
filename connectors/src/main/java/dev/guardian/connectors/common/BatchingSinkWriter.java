package dev.guardian.connectors.common;

import dev.guardian.connectors.retry.BatchDelivery;
import dev.guardian.connectors.retry.BatchSender;
import dev.guardian.connectors.retry.Sleeper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * The at-least-once writer shared by the sinks: encodes records into a buffer and delivers it when
 * it holds {@code maxBatchSize} elements, when the oldest buffered element has waited {@code
 * flushInterval}, and at every checkpoint ({@link #flush}), so a completed checkpoint means
 * everything before it is in the service. Replays after a restore are harmless because every sink
 * writes with deterministic keys.
 *
 * <p>All methods, including the timer callback, run in the task's mailbox thread, so the buffer
 * needs no locking.
 */
public class BatchingSinkWriter<IN, E> implements SinkWriter<IN> {

    private final RecordEncoder<IN, E> encoder;
    private final BatchSender<E> sender;
    private final BatchDelivery<E> delivery;
    private final BatchSettings settings;
    private final ProcessingTimeService timeService;
    private final List<E> buffer = new ArrayList<>();
    private boolean timerPending;
    private long oldestBufferedAt;

    public BatchingSinkWriter(
            RecordEncoder<IN, E> encoder,
            BatchSender<E> sender,
            BatchSettings settings,
            SinkMetrics metrics,
            ProcessingTimeService timeService,
            Sleeper sleeper) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeService = Objects.requireNonNull(timeService, "timeService");
        this.delivery = new BatchDelivery<>(sender, settings.retryPolicy(), metrics, sleeper);
    }

    @Override
    public void write(IN element, Context context) throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            oldestBufferedAt = timeService.getCurrentProcessingTime();
        }
        try {
            encoder.encode(element, buffer::add);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot encode record for " + sender.destination(), e);
        }
        while (buffer.size() >= settings.maxBatchSize()) {
            List<E> batch = new ArrayList<>(buffer.subList(0, settings.maxBatchSize()));
            buffer.subList(0, settings.maxBatchSize()).clear();
            delivery.deliver(batch);
            oldestBufferedAt = timeService.getCurrentProcessingTime();
        }
        if (!buffer.isEmpty()) {
            scheduleFlush();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        flushBuffer();
    }

    /** Elements waiting to be sent; for tests and metrics. */
    public int bufferedElements() {
        return buffer.size();
    }

    private void flushBuffer() throws IOException, InterruptedException {
        while (!buffer.isEmpty()) {
            int n = Math.min(buffer.size(), settings.maxBatchSize());
            List<E> batch = new ArrayList<>(buffer.subList(0, n));
            buffer.subList(0, n).clear();
            delivery.deliver(batch);
        }
    }

    private void scheduleFlush() {
        if (timerPending) {
            return;
        }
        timerPending = true;
        long due = oldestBufferedAt + settings.flushInterval().toMillis();
        timeService.registerTimer(due, this::onFlushTimer);
    }

    private void onFlushTimer(long time) throws IOException, InterruptedException {
        timerPending = false;
        if (buffer.isEmpty()) {
            return;
        }
        if (time >= oldestBufferedAt + settings.flushInterval().toMillis()) {
            flushBuffer();
        } else {
            scheduleFlush();
        }
    }

    @Override
    public void close() throws Exception {
        sender.close();
    }
}
