package dev.guardian.alerts.deliver;

import dev.guardian.alerts.model.DeliveryAttemptRecord;
import java.io.Serializable;

/**
 * Remembers, outside Flink's checkpoints, which notifications a receiver has accepted. Checkpoints
 * alone cannot close one window: a TaskManager that dies after a receiver answered 200 and before
 * the next checkpoint is restored to a state that has not yet sent the notification, and the replay
 * would send it again. The delivery step asks the ledger first and records each success right after
 * the receiver's answer, so such a replay is skipped; the remaining window is the few milliseconds
 * between the answer and the ledger write.
 */
public interface DeliveryLedger extends Serializable {

    /** Opens a session on the TaskManager; called from the delivery step's {@code open()}. */
    Session open() throws Exception;

    /** A ledger connection; called from the delivery step's I/O threads. */
    interface Session extends AutoCloseable {

        boolean wasDelivered(String deliveryId) throws Exception;

        void recordDelivered(String deliveryId, DeliveryAttemptRecord delivery) throws Exception;

        @Override
        void close() throws Exception;
    }

    /** No ledger: a replay after a failure may deliver a notification again. */
    static DeliveryLedger none() {
        return new NoDeliveryLedger();
    }
}
