package dev.guardian.alerts.deliver;

import dev.guardian.alerts.model.DeliveryAttemptRecord;

/** A ledger that remembers nothing (at-least-once delivery; PagerDuty's dedup_key still holds). */
final class NoDeliveryLedger implements DeliveryLedger {

    private static final long serialVersionUID = 1L;

    @Override
    public Session open() {
        return new Session() {
            @Override
            public boolean wasDelivered(String deliveryId) {
                return false;
            }

            @Override
            public void recordDelivered(String deliveryId, DeliveryAttemptRecord delivery) {}

            @Override
            public void close() {}
        };
    }
}
