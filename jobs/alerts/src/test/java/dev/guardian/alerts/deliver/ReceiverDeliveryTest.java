package dev.guardian.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.config.ReceiverConfig;
import dev.guardian.alerts.config.ReceiverType;
import dev.guardian.alerts.config.RetrySettings;
import dev.guardian.alerts.config.SecretRef;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.alerts.testing.Notifications;
import dev.guardian.alerts.testing.RecordingHttpServer;
import dev.guardian.alerts.testing.RecordingHttpServer.Answer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries against a real local HTTP server: backoff, Retry-After, hangs, refusals. */
class ReceiverDeliveryTest {

    private static final RetrySettings FAST =
            new RetrySettings(
                    4,
                    Duration.ofMillis(40),
                    Duration.ofMillis(200),
                    2.0,
                    0.0,
                    Duration.ofSeconds(5));

    @TempDir Path dir;
    private final RecordingHttpServer server = new RecordingHttpServer();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ReceiverDeliveryTest() throws Exception {}

    @AfterEach
    void close() {
        server.close();
        scheduler.shutdownNow();
    }

    private List<DeliveryAttemptRecord> deliver(String url, Duration timeout) throws Exception {
        Path secret = dir.resolve("url-" + System.nanoTime());
        Files.writeString(secret, url);
        ReceiverConfig config =
                new ReceiverConfig(
                        "hook",
                        ReceiverType.WEBHOOK,
                        SecretRef.file(secret.toString()),
                        null,
                        null,
                        null,
                        FAST,
                        timeout);
        Redactor redactor = new Redactor();
        ResolvedReceiver receiver = ResolvedReceiver.resolve(config, redactor);
        ReceiverDelivery delivery =
                new ReceiverDelivery(
                        http, scheduler, () -> 0.5, System::currentTimeMillis, redactor);
        return delivery.deliver(
                        new ReceiverDelivery.Request(
                                receiver,
                                Notifications.trigger("hook", "db"),
                                "delivery-1",
                                "{}".getBytes(StandardCharsets.UTF_8)),
                        () -> false)
                .get(20, TimeUnit.SECONDS);
    }

    private List<Long> gapsMillis(String path) {
        List<RecordingHttpServer.Request> requests = server.requests(path);
        return java.util.stream.IntStream.range(1, requests.size())
                .mapToObj(
                        i ->
                                requests.get(i).receivedAtMillis
                                        - requests.get(i - 1).receivedAtMillis)
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void deliversAtTheFirstSuccess() throws Exception {
        List<DeliveryAttemptRecord> attempts = deliver(server.url("/hook"), Duration.ofSeconds(5));
        assertThat(attempts).extracting(a -> a.status).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(attempts.get(0).httpStatus).isEqualTo(200);
        assertThat(attempts.get(0).attemptId).isEqualTo("delivery-1/1");
        assertThat(server.requests("/hook")).hasSize(1);
        assertThat(server.requests("/hook").get(0).header("Idempotency-Key"))
                .isEqualTo("delivery-1");
    }

    @Test
    void retriesServerErrorsWithGrowingBackoff() throws Exception {
        server.script("/hook", Answer.status(500), Answer.status(503));
        List<DeliveryAttemptRecord> attempts = deliver(server.url("/hook"), Duration.ofSeconds(5));
        assertThat(attempts)
                .extracting(a -> a.status + "/" + a.httpStatus)
                .containsExactly("RETRYING/500", "RETRYING/503", "DELIVERED/200");
        // jitter 0.5 of 0 configured: waits of 40 ms then 80 ms
        List<Long> gaps = gapsMillis("/hook");
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(40);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(80);
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        server.script("/hook", Answer.tooManyRequests("1"));
        List<DeliveryAttemptRecord> attempts = deliver(server.url("/hook"), Duration.ofSeconds(5));
        assertThat(attempts)
                .extracting(a -> a.status)
                .containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.DELIVERED);
        assertThat(attempts.get(0).httpStatus).isEqualTo(429);
        assertThat(attempts.get(0).retryAfterMillis).isEqualTo(1000);
        // The backoff alone would have waited 40 ms.
        assertThat(gapsMillis("/hook").get(0)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aHangingReceiverTimesOutAndIsRetried() throws Exception {
        server.script("/hook", Answer.hang(Duration.ofSeconds(3)));
        long start = System.currentTimeMillis();
        List<DeliveryAttemptRecord> attempts = deliver(server.url("/hook"), Duration.ofMillis(300));
        assertThat(attempts)
                .extracting(a -> a.status)
                .containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.DELIVERED);
        assertThat(attempts.get(0).httpStatus).isZero();
        assertThat(attempts.get(0).error).contains("HttpTimeoutException");
        assertThat(System.currentTimeMillis() - start).isLessThan(2500);
    }

    @Test
    void doesNotRetryARefusal() throws Exception {
        server.script("/hook", Answer.status(400, "{\"error\":\"invalid routing key\"}"));
        List<DeliveryAttemptRecord> attempts = deliver(server.url("/hook"), Duration.ofSeconds(5));
        assertThat(attempts).extracting(a -> a.status).containsExactly(DeliveryStatus.FAILED);
        assertThat(attempts.get(0).error)
                .isEqualTo("HTTP 400: {\"error\":\"invalid routing key\"}");
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        server.always("/hook", Answer.status(502));
        List<DeliveryAttemptRecord> attempts = deliver(server.url("/hook"), Duration.ofSeconds(5));
        assertThat(attempts)
                .extracting(a -> a.status)
                .containsExactly(
                        DeliveryStatus.RETRYING,
                        DeliveryStatus.RETRYING,
                        DeliveryStatus.RETRYING,
                        DeliveryStatus.FAILED);
        assertThat(attempts).extracting(a -> a.attempt).containsExactly(1, 2, 3, 4);
    }

    @Test
    void retriesARefusedConnection() throws Exception {
        List<DeliveryAttemptRecord> attempts =
                deliver("http://127.0.0.1:1/x", Duration.ofSeconds(1));
        assertThat(attempts).hasSize(4);
        assertThat(attempts.get(3).status).isEqualTo(DeliveryStatus.FAILED);
        assertThat(attempts.get(0).error).contains("ConnectException");
    }
}
