package dev.guardian.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that keeps what it receives in memory, for workflow tests on a mini cluster in the same
 * JVM. Each instance has its own bucket, so tests running side by side do not see each other's
 * records.
 */
public class CollectingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> BUCKETS = new ConcurrentHashMap<>();

    private final String bucket = UUID.randomUUID().toString();

    public CollectingSink() {
        BUCKETS.put(bucket, new CopyOnWriteArrayList<>());
    }

    @SuppressWarnings("unchecked")
    public List<T> received() {
        return new ArrayList<>((List<T>) (List<?>) BUCKETS.get(bucket));
    }

    public void clear() {
        BUCKETS.get(bucket).clear();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> target = BUCKETS.get(bucket);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                target.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
