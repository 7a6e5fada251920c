package dev.guardian.alerts.testing;

import dev.guardian.alerts.deliver.DeliveryLedger;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A delivery ledger in this JVM's memory, for tests on a mini cluster: each instance has its own
 * bucket, which outlives the job (as the real ledger outlives a TaskManager).
 */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Set<String>> BUCKETS = new ConcurrentHashMap<>();

    private final String bucket = UUID.randomUUID().toString();

    public InMemoryDeliveryLedger() {
        BUCKETS.put(bucket, ConcurrentHashMap.newKeySet());
    }

    public Set<String> delivered() {
        return Set.copyOf(BUCKETS.get(bucket));
    }

    @Override
    public Session open() {
        Set<String> delivered = BUCKETS.get(bucket);
        return new Session() {
            @Override
            public boolean wasDelivered(String deliveryId) {
                return delivered.contains(deliveryId);
            }

            @Override
            public void recordDelivered(String deliveryId, DeliveryAttemptRecord delivery) {
                delivered.add(deliveryId);
            }

            @Override
            public void close() {}
        };
    }
}
