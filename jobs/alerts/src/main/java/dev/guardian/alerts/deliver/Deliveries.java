package dev.guardian.alerts.deliver;

import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationMember;
import dev.guardian.alerts.route.RouteAlerts;
import java.util.Locale;

/** Ids and records of deliveries. */
public final class Deliveries {

    private Deliveries() {}

    /** The ledger key of one notification to one receiver: stable across replays. */
    public static String deliveryId(Notification n) {
        return RouteAlerts.hash(n.receiver + "|" + n.id);
    }

    static DeliveryAttemptRecord attemptRecord(
            Notification n,
            String deliveryId,
            String receiverType,
            int attempt,
            DeliveryStatus status,
            long attemptedAt) {
        DeliveryAttemptRecord r = new DeliveryAttemptRecord();
        r.deliveryId = deliveryId;
        r.attemptId = deliveryId + "/" + attempt;
        r.notificationId = n.id;
        r.receiver = n.receiver;
        r.receiverType = receiverType;
        r.route = n.route;
        r.kind = n.kind.name().toLowerCase(Locale.ROOT);
        r.dedupKey = n.dedupKey;
        r.severity = n.severity;
        r.title = Texts.cut(Texts.title(n), 1024);
        for (NotificationMember m : n.members) {
            r.fingerprints.add(m.alert.fingerprint);
        }
        r.attempt = attempt;
        r.status = status;
        r.attemptedAt = attemptedAt;
        r.notificationTime = n.time;
        return r;
    }
}
