package dev.guardian.alerts.model;

import java.util.ArrayList;
import java.util.List;

/** One delivery attempt of one notification to one receiver, as recorded in ClickHouse and ES. */
public class DeliveryAttemptRecord {

    /** {@code deliveryId/attempt}: deterministic, so a replayed attempt replaces its row. */
    public String attemptId;

    /** Hash of receiver + notification id: the ledger key. */
    public String deliveryId;

    public String notificationId;
    public String receiver;
    public String receiverType;
    public String route;
    public String kind;
    public String dedupKey;
    public String severity;
    public String title;
    public List<String> fingerprints = new ArrayList<>();
    public int attempt;
    public DeliveryStatus status;

    /** HTTP status of the answer, 0 if there was none (timeout, refused connection). */
    public int httpStatus;

    public long latencyMillis;

    /** Wait the receiver asked for with Retry-After, 0 if none. */
    public long retryAfterMillis;

    /** What went wrong, with every secret replaced by {@code ***}; null when delivered. */
    public String error;

    public long attemptedAt;

    /** Event time of the newest alert change in the notification: end-to-end latency base. */
    public long notificationTime;

    public DeliveryAttemptRecord() {}

    @Override
    public String toString() {
        return receiver + " " + notificationId + " attempt " + attempt + ": " + status;
    }
}
