package dev.guardian.alerts.deliver;

import dev.guardian.alerts.config.RetrySettings;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.alerts.model.Notification;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notification to one receiver with retries: exponential backoff with jitter between
 * attempts, the receiver's Retry-After honoured on 429 and 503, a timeout per attempt (a hanging
 * receiver counts as a failed attempt), no retry of answers that cannot improve (4xx other than
 * 408/425/429). Every attempt becomes a {@link DeliveryAttemptRecord}; errors are redacted before
 * they are recorded or logged. Never blocks the caller: attempts run on the HTTP client's threads,
 * waits on a scheduler.
 */
final class ReceiverDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverDelivery.class);
    private static final int MAX_ERROR = 500;

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final DoubleSupplier random;
    private final LongSupplier clock;
    private final Redactor redactor;

    /** HTTP exchanges under way, including what completing them triggers (the ledger write). */
    private final java.util.concurrent.atomic.AtomicInteger exchanges =
            new java.util.concurrent.atomic.AtomicInteger();

    ReceiverDelivery(
            HttpClient http,
            ScheduledExecutorService scheduler,
            DoubleSupplier random,
            LongSupplier clock,
            Redactor redactor) {
        this.http = http;
        this.scheduler = scheduler;
        this.random = random;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** What one attempt sends. */
    static final class Request {
        final ResolvedReceiver receiver;
        final Notification notification;
        final String deliveryId;
        final byte[] body;

        Request(
                ResolvedReceiver receiver,
                Notification notification,
                String deliveryId,
                byte[] body) {
            this.receiver = receiver;
            this.notification = notification;
            this.deliveryId = deliveryId;
            this.body = body;
        }
    }

    /** Exchanges under way: a closing step waits for them so that no answer goes unrecorded. */
    int exchangesUnderWay() {
        return exchanges.get();
    }

    /** Attempts until delivered, refused for good, out of attempts, or {@code abandoned}. */
    CompletableFuture<List<DeliveryAttemptRecord>> deliver(
            Request request, BooleanSupplier abandoned) {
        CompletableFuture<List<DeliveryAttemptRecord>> result = new CompletableFuture<>();
        attempt(request, 1, new ArrayList<>(), abandoned, result);
        return result;
    }

    private void attempt(
            Request request,
            int attempt,
            List<DeliveryAttemptRecord> attempts,
            BooleanSupplier abandoned,
            CompletableFuture<List<DeliveryAttemptRecord>> result) {
        if (attempt > 1 && abandoned.getAsBoolean()) {
            result.complete(attempts); // closing, or given up on: no more attempts
            return;
        }
        long started = clock.getAsLong();
        long startedNanos = System.nanoTime();
        HttpRequest httpRequest;
        try {
            httpRequest = build(request);
        } catch (RuntimeException e) {
            attempts.add(
                    record(request, attempt, DeliveryStatus.FAILED, 0, 0, started, 0, error(e)));
            result.complete(attempts);
            return;
        }
        exchanges.incrementAndGet();
        http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                        (response, failure) -> {
                            try {
                                handle(
                                        request,
                                        attempt,
                                        attempts,
                                        abandoned,
                                        result,
                                        started,
                                        startedNanos,
                                        response,
                                        failure);
                            } finally {
                                exchanges.decrementAndGet();
                            }
                        });
    }

    private void handle(
            Request request,
            int attempt,
            List<DeliveryAttemptRecord> attempts,
            BooleanSupplier abandoned,
            CompletableFuture<List<DeliveryAttemptRecord>> result,
            long started,
            long startedNanos,
            HttpResponse<String> response,
            Throwable failure) {
        RetrySettings retry = request.receiver.config.retry;
        long latency = (System.nanoTime() - startedNanos) / 1_000_000;
        int status = response == null ? 0 : response.statusCode();
        long retryAfter =
                response == null
                        ? 0
                        : RetryAfter.millis(
                                response.headers().firstValue("Retry-After"), clock.getAsLong());
        if (failure == null && status >= 200 && status < 300) {
            attempts.add(
                    record(
                            request,
                            attempt,
                            DeliveryStatus.DELIVERED,
                            status,
                            latency,
                            started,
                            0,
                            null));
            result.complete(attempts);
            return;
        }
        // Redacted here, before it reaches a log line or a record.
        String problem =
                failure != null
                        ? error(unwrap(failure))
                        : redactor.redact("HTTP " + status + body(response));
        boolean retryable =
                failure != null ? unwrap(failure) instanceof IOException : retryable(status);
        boolean more = retryable && attempt < retry.maxAttempts && !abandoned.getAsBoolean();
        attempts.add(
                record(
                        request,
                        attempt,
                        more ? DeliveryStatus.RETRYING : DeliveryStatus.FAILED,
                        status,
                        latency,
                        started,
                        retryAfter,
                        problem));
        if (!more) {
            LOG.warn(
                    "Notification {} to receiver {} failed after {} attempt(s): {}",
                    request.notification.id,
                    request.receiver.config.name,
                    attempt,
                    problem);
            result.complete(attempts);
            return;
        }
        long wait = retry.backoffMillis(attempt, random.getAsDouble(), retryAfter);
        LOG.info(
                "Notification {} to receiver {}: attempt {} failed ({}), retrying in {} ms",
                request.notification.id,
                request.receiver.config.name,
                attempt,
                problem,
                wait);
        try {
            scheduler.schedule(
                    () -> attempt(request, attempt + 1, attempts, abandoned, result),
                    wait,
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException shutDown) {
            result.complete(attempts);
        }
    }

    private HttpRequest build(Request request) {
        ResolvedReceiver r = request.receiver;
        HttpRequest.Builder b =
                HttpRequest.newBuilder(r.uri)
                        .timeout(r.config.timeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Guardian-AlertRouter/1")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body));
        switch (r.type()) {
            case WEBHOOK:
                b.header("Idempotency-Key", request.deliveryId);
                if (r.authHeader != null) {
                    b.header("Authorization", r.authHeader.reveal());
                }
                break;
            default:
                break;
        }
        return b.build();
    }

    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    private String body(HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return "";
        }
        return ": " + Texts.cut(text.strip().replaceAll("\\s+", " "), 200);
    }

    private String error(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return Texts.cut(redactor.redact(text), MAX_ERROR);
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private DeliveryAttemptRecord record(
            Request request,
            int attempt,
            DeliveryStatus status,
            int httpStatus,
            long latency,
            long started,
            long retryAfter,
            String error) {
        DeliveryAttemptRecord r =
                Deliveries.attemptRecord(
                        request.notification,
                        request.deliveryId,
                        request.receiver.type().name().toLowerCase(java.util.Locale.ROOT),
                        attempt,
                        status,
                        started);
        r.httpStatus = httpStatus;
        r.latencyMillis = latency;
        r.retryAfterMillis = retryAfter;
        r.error = error == null ? null : redactor.redact(error);
        return r;
    }
}
