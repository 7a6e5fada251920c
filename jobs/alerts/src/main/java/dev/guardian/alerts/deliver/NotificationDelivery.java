package dev.guardian.alerts.deliver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.config.ReceiverConfig;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryOutcome;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.alerts.model.Notification;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications to their receivers, asynchronously: a slow or failing receiver never holds
 * up another, and never blocks the task thread (so checkpoints keep flowing during an outage).
 * Flink's async operator keeps notifications in flight in its checkpointed state, so a TaskManager
 * lost between receiving and delivering delivers after the restore; the {@link DeliveryLedger} is
 * asked first, so one lost after delivering does not deliver twice. Notifications with the same
 * receiver and dedup key are sent one after another, in order (a resolve never overtakes its
 * trigger).
 *
 * <p>Secrets are read here, in {@link #open}, from the environment or files of the TaskManager.
 */
public class NotificationDelivery extends RichAsyncFunction<Notification, DeliveryOutcome> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouterConfig config;
    private final DeliveryLedger ledger;

    private transient Map<String, ResolvedReceiver> receivers;
    private transient Redactor redactor;
    private transient HttpClient http;
    private transient ScheduledExecutorService scheduler;
    private transient ExecutorService ledgerThreads;
    private transient ExecutorService httpThreads;
    private transient DeliveryLedger.Session ledgerSession;
    private transient ReceiverDelivery delivery;
    private transient Map<String, CompletableFuture<Void>> inOrder;
    private transient Map<ResultFuture<DeliveryOutcome>, Invocation> inFlight;
    private transient Counter delivered;
    private transient Counter failed;
    private transient Counter skipped;
    private transient volatile boolean closing;

    public NotificationDelivery(RouterConfig config, DeliveryLedger ledger) {
        this.config = config;
        this.ledger = ledger;
    }

    /** Longest an invocation may take: all retries of the slowest receiver, twice, plus slack. */
    public static Duration timeout(RouterConfig config) {
        return Duration.ofMillis(2 * config.worstCaseDeliveryMillis() + 60_000);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        redactor = new Redactor();
        receivers = new LinkedHashMap<>();
        for (ReceiverConfig r : config.receivers.values()) {
            ResolvedReceiver resolved = ResolvedReceiver.resolve(r, redactor);
            if (!resolved.usable()) {
                LOG.error(
                        "Receiver {} cannot be used on this TaskManager: {}; its notifications go"
                                + " to the delivery dead-letter topic",
                        r.name,
                        resolved.problem);
            }
            receivers.put(r.name, resolved);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("guardian-delivery-retries"));
        ledgerThreads = Executors.newFixedThreadPool(2, daemon("guardian-delivery-ledger"));
        // Java 17's HttpClient cannot be closed: its threads are ours, to stop in close().
        httpThreads = Executors.newCachedThreadPool(daemon("guardian-delivery-http"));
        http =
                HttpClient.newBuilder()
                        .executor(httpThreads)
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        delivery =
                new ReceiverDelivery(
                        http,
                        scheduler,
                        () -> ThreadLocalRandom.current().nextDouble(),
                        System::currentTimeMillis,
                        redactor);
        ledgerSession = ledger.open();
        inOrder = new ConcurrentHashMap<>();
        inFlight = new ConcurrentHashMap<>();
        delivered = getRuntimeContext().getMetricGroup().counter("notificationsDelivered");
        failed = getRuntimeContext().getMetricGroup().counter("notificationsFailed");
        skipped = getRuntimeContext().getMetricGroup().counter("notificationsAlreadyDelivered");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void asyncInvoke(Notification n, ResultFuture<DeliveryOutcome> resultFuture) {
        Invocation invocation = new Invocation(n, resultFuture);
        inFlight.put(resultFuture, invocation);
        String key = n.receiver + "|" + n.dedupKey;
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = inOrder.put(key, done);
        CompletableFuture<Void> ready =
                previous == null ? CompletableFuture.completedFuture(null) : previous;
        ready.whenComplete(
                (ignored, error) ->
                        run(invocation)
                                .whenComplete(
                                        (outcome, failure) -> {
                                            invocation.finish(
                                                    failure == null
                                                            ? outcome
                                                            : failedOutcome(
                                                                    n,
                                                                    "delivery step failed: "
                                                                            + redactor.redact(
                                                                                    failure
                                                                                            .toString())));
                                            done.complete(null);
                                            inOrder.remove(key, done);
                                        }));
    }

    private CompletableFuture<DeliveryOutcome> run(Invocation invocation) {
        Notification n = invocation.notification;
        ResolvedReceiver receiver = receivers.get(n.receiver);
        if (receiver == null || !receiver.usable()) {
            return CompletableFuture.completedFuture(
                    failedOutcome(
                            n,
                            receiver == null
                                    ? "no receiver named " + n.receiver
                                    : "receiver unusable: " + receiver.problem));
        }
        String deliveryId = Deliveries.deliveryId(n);
        return CompletableFuture.supplyAsync(() -> alreadyDelivered(deliveryId), ledgerThreads)
                .thenCompose(
                        already -> {
                            if (already) {
                                return CompletableFuture.completedFuture(
                                        skippedOutcome(n, receiver, deliveryId));
                            }
                            byte[] body = render(n, receiver);
                            // thenApply, not async: the ledger write runs in the thread that got
                            // the receiver's answer, inside the exchange close() waits for.
                            return delivery.deliver(
                                            new ReceiverDelivery.Request(
                                                    receiver, n, deliveryId, body),
                                            () -> invocation.abandoned() || closing)
                                    .thenApply(attempts -> remember(n, receiver, attempts));
                        });
    }

    private boolean alreadyDelivered(String deliveryId) {
        try {
            return ledgerSession.wasDelivered(deliveryId);
        } catch (Exception e) {
            // Better a possible duplicate than a lost page.
            LOG.warn(
                    "Delivery ledger unreachable, delivering {} without checking it: {}",
                    deliveryId,
                    redactor.redact(e.toString()));
            return false;
        }
    }

    private DeliveryOutcome remember(
            Notification n, ResolvedReceiver receiver, List<DeliveryAttemptRecord> attempts) {
        DeliveryOutcome outcome = new DeliveryOutcome();
        outcome.notification = n;
        outcome.receiverType = typeName(receiver);
        outcome.attempts.addAll(attempts);
        if (outcome.finalStatus() == DeliveryStatus.DELIVERED) {
            DeliveryAttemptRecord last = outcome.last();
            try {
                ledgerSession.recordDelivered(last.deliveryId, last);
            } catch (Exception e) {
                LOG.warn(
                        "Delivered {} but could not record it in the ledger: {}",
                        last.deliveryId,
                        redactor.redact(e.toString()));
            }
        }
        return outcome;
    }

    byte[] render(Notification n, ResolvedReceiver receiver) {
        ObjectNode body;
        switch (receiver.type()) {
            case PAGERDUTY:
                body = PagerDutyEvents.render(n, receiver.routingKey.reveal(), config.links);
                break;
            case SLACK:
                body = SlackMessages.render(n, config.links);
                break;
            default:
                body = WebhookMessages.render(n, config.links);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("notification JSON", e);
        }
    }

    private static String typeName(ResolvedReceiver receiver) {
        return receiver.type().name().toLowerCase(Locale.ROOT);
    }

    private DeliveryOutcome skippedOutcome(
            Notification n, ResolvedReceiver receiver, String deliveryId) {
        DeliveryOutcome outcome = new DeliveryOutcome();
        outcome.notification = n;
        outcome.receiverType = typeName(receiver);
        outcome.attempts.add(
                Deliveries.attemptRecord(
                        n,
                        deliveryId,
                        outcome.receiverType,
                        0,
                        DeliveryStatus.ALREADY_DELIVERED,
                        System.currentTimeMillis()));
        return outcome;
    }

    private DeliveryOutcome failedOutcome(Notification n, String problem) {
        ReceiverConfig config = this.config.receivers.get(n.receiver);
        DeliveryOutcome outcome = new DeliveryOutcome();
        outcome.notification = n;
        outcome.receiverType =
                config == null ? "unknown" : config.type.name().toLowerCase(Locale.ROOT);
        DeliveryAttemptRecord r =
                Deliveries.attemptRecord(
                        n,
                        Deliveries.deliveryId(n),
                        outcome.receiverType,
                        0,
                        DeliveryStatus.FAILED,
                        System.currentTimeMillis());
        r.error = redactor.redact(problem);
        outcome.attempts.add(r);
        return outcome;
    }

    @Override
    public void timeout(Notification n, ResultFuture<DeliveryOutcome> resultFuture) {
        String problem = "delivery did not finish within " + timeout(config).toSeconds() + " s";
        Invocation invocation = inFlight.get(resultFuture);
        if (invocation != null) {
            // Stops its retries; it keeps its place in the key's order until the attempt ends.
            invocation.finish(failedOutcome(n, problem));
        } else {
            resultFuture.complete(List.of(failedOutcome(n, problem)));
        }
    }

    /** Longest close() waits for answers already on their way, so that each gets recorded. */
    static final long CLOSE_GRACE_MILLIS = 5_000;

    @Override
    public void close() throws Exception {
        // A failover cancels this step while requests are in flight: a receiver may already have
        // accepted one. Waiting for those answers (bounded) lets the ledger record them, so the
        // restored job does not send them again. No new attempt starts meanwhile.
        closing = true;
        long deadline = System.currentTimeMillis() + CLOSE_GRACE_MILLIS;
        while (delivery != null
                && delivery.exchangesUnderWay() > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (ledgerThreads != null) {
            ledgerThreads.shutdownNow();
        }
        if (ledgerSession != null) {
            ledgerSession.close();
        }
        if (httpThreads != null) {
            httpThreads.shutdownNow();
        }
    }

    /** One notification being delivered; finishes once, whatever races with a timeout. */
    private final class Invocation {
        final Notification notification;
        final ResultFuture<DeliveryOutcome> resultFuture;
        final AtomicBoolean finished = new AtomicBoolean();

        Invocation(Notification notification, ResultFuture<DeliveryOutcome> resultFuture) {
            this.notification = notification;
            this.resultFuture = resultFuture;
        }

        boolean abandoned() {
            return finished.get();
        }

        void finish(DeliveryOutcome outcome) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            inFlight.remove(resultFuture);
            switch (outcome.finalStatus()) {
                case DELIVERED:
                    delivered.inc();
                    break;
                case ALREADY_DELIVERED:
                    skipped.inc();
                    break;
                default:
                    failed.inc();
            }
            resultFuture.complete(List.of(outcome));
        }
    }
}
