package dev.guardian.alerts.testing;

import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;

/** Notifications for delivery and payload tests. */
public final class Notifications {

    private Notifications() {}

    public static Notification of(String receiver, NotificationKind kind, AlertView... members) {
        Notification n = new Notification();
        n.receiver = receiver;
        n.route = "test-route";
        n.kind = kind;
        n.dedupKey = members[0].fingerprint;
        n.groupKey = receiver + "|test-route|fingerprint=" + members[0].fingerprint;
        n.revision = kind == NotificationKind.RESOLVE ? 2 : 1;
        n.id = receiver + "|" + n.dedupKey + "@" + members[0].startsAt + "#" + n.revision;
        n.severity = members[0].severity;
        n.time = members[0].time;
        for (AlertView a : members) {
            n.members.add(new NotificationMember(a, !a.firing()));
        }
        return n;
    }

    public static Notification trigger(String receiver, String fingerprint) {
        return of(receiver, NotificationKind.TRIGGER, TestAlerts.firing(fingerprint).build());
    }

    public static Notification resolve(String receiver, String fingerprint) {
        return of(
                receiver,
                NotificationKind.RESOLVE,
                TestAlerts.resolved(fingerprint)
                        .at(TestAlerts.T0 + 10 * TestAlerts.MINUTE)
                        .build());
    }
}
