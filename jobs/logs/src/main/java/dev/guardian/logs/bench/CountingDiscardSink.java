package dev.guardian.logs.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Discards records but counts them, so a benchmark can check that the job did the work it is
 * credited with. In-JVM only (the benchmark runs a local mini cluster).
 */
final class CountingDiscardSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    static final AtomicLong COUNT = new AtomicLong();

    private final boolean counted;

    /**
     * @param counted whether this output's records are the ones the benchmark checks
     */
    CountingDiscardSink(boolean counted) {
        this.counted = counted;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                if (counted) {
                    COUNT.incrementAndGet();
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
