package dev.guardian.metrics.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Discards records and ticks the {@link SteadyStateMeter}: attached to the stream that carries each
 * input event once (the raw records, or the valid points), chained to the source.
 */
final class MeteredDiscardSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                SteadyStateMeter.tick();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
