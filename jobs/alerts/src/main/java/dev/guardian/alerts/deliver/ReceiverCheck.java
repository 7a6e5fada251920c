package dev.guardian.alerts.deliver;

import dev.guardian.alerts.config.ReceiverConfig;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;
import dev.guardian.common.cli.UsageException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One test notification through one configured receiver, outside Flink. */
public final class ReceiverCheck {

    private ReceiverCheck() {}

    public static List<DeliveryAttemptRecord> send(
            RouterConfig config, String receiverName, boolean resolve) throws Exception {
        ReceiverConfig rc = config.receivers.get(receiverName);
        if (rc == null) {
            throw new UsageException(
                    "no receiver named '"
                            + receiverName
                            + "'; receivers: "
                            + config.receivers.keySet());
        }
        Redactor redactor = new Redactor();
        ResolvedReceiver receiver = ResolvedReceiver.resolve(rc, redactor);
        if (!receiver.usable()) {
            throw new UsageException("receiver " + receiverName + ": " + receiver.problem);
        }
        long now = System.currentTimeMillis();
        AlertView a = new AlertView();
        a.fingerprint = "guardian-test-" + receiverName;
        a.source = "METRICS";
        a.severity = "WARNING";
        a.status = resolve ? "RESOLVED" : "FIRING";
        a.title = "Guardian test notification for receiver " + receiverName;
        a.summary = "Sent by 'guardian alerts test-receiver'. Nothing is wrong.";
        a.entity = "guardian-alert-router";
        a.labels = new TreeMap<>(Map.of("test", "true"));
        a.evidence = new TreeMap<>(Map.of("sent_by", "guardian alerts test-receiver"));
        a.links.add(new AlertLink("https://github.com/", "Guardian"));
        a.value = 1.0;
        a.expected = 0.0;
        a.startsAt = now;
        a.time = now;
        Notification n = new Notification();
        n.receiver = receiverName;
        n.route = "test";
        n.kind = resolve ? NotificationKind.RESOLVE : NotificationKind.TRIGGER;
        n.dedupKey = a.fingerprint;
        n.groupKey = a.fingerprint;
        n.revision = 1;
        n.id = receiverName + "|" + a.fingerprint + "@" + now + "#1";
        n.severity = a.severity;
        n.time = now;
        n.members.add(new NotificationMember(a, resolve));
        NotificationDelivery renderer = new NotificationDelivery(config, DeliveryLedger.none());
        byte[] body = renderer.render(n, receiver);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new ReceiverDelivery(
                            http,
                            scheduler,
                            () -> ThreadLocalRandom.current().nextDouble(),
                            System::currentTimeMillis,
                            redactor)
                    .deliver(
                            new ReceiverDelivery.Request(
                                    receiver, n, Deliveries.deliveryId(n), body),
                            () -> false)
                    .get(rc.retry.worstCaseMillis(rc.timeout) + 5_000, TimeUnit.MILLISECONDS);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
