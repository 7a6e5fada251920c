package dev.guardian.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryOutcome;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.testing.InMemoryDeliveryLedger;
import dev.guardian.alerts.testing.LogCapture;
import dev.guardian.alerts.testing.Notifications;
import dev.guardian.alerts.testing.RecordingHttpServer;
import dev.guardian.alerts.testing.RecordingHttpServer.Answer;
import dev.guardian.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery step against a real local HTTP server: payloads, ledger, order, secrets. */
class NotificationDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PD_KEY = "R0UT1NG-KEY-0123456789abcdef";
    private static final String SLACK_TOKEN = "T000/B000/XXXXsecretXXXX";
    private static final String HOOK_AUTH = "Bearer s3cr3t-h00k-t0ken";

    @TempDir Path dir;
    private RecordingHttpServer server;
    private RouterConfig config;
    private final List<NotificationDelivery> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer();
        config =
                RouterConfigParser.parse(
                        "receivers:\n"
                                + "  - name: pager\n"
                                + "    type: pagerduty\n"
                                + "    url_file: "
                                + secret("pd-url", server.url("/pagerduty/v2/enqueue"))
                                + "\n"
                                + "    routing_key_file: "
                                + secret("pd-key", PD_KEY)
                                + "\n"
                                + "  - name: slack\n"
                                + "    type: slack\n"
                                + "    url_file: "
                                + secret("slack-url", server.url("/slack/services/" + SLACK_TOKEN))
                                + "\n"
                                + "    retry: {max_attempts: 3, initial_backoff: 10ms, max_backoff: 20ms}\n"
                                + "  - name: hook\n"
                                + "    type: webhook\n"
                                + "    url_file: "
                                + secret("hook-url", server.url("/hook"))
                                + "\n"
                                + "    auth_header_file: "
                                + secret("hook-auth", HOOK_AUTH)
                                + "\n"
                                + "  - name: broken\n"
                                + "    type: webhook\n"
                                + "    url_file: "
                                + secret("broken-url", "not a url " + SLACK_TOKEN)
                                + "\n"
                                + "  - name: unset\n"
                                + "    type: slack\n"
                                + "    url_env: GUARDIAN_TEST_SURELY_UNSET_VARIABLE\n"
                                + "links:\n"
                                + "  - {text: Grafana, href: 'http://grafana/d/a?fp={fingerprint}'}\n"
                                + "routes: [{receiver: pager}]\n");
    }

    private String secret(String name, String value) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, value);
        return file.toString();
    }

    @AfterEach
    void stop() throws Exception {
        for (NotificationDelivery d : opened) {
            d.close();
        }
        server.close();
    }

    private NotificationDelivery open(DeliveryLedger ledger) throws Exception {
        NotificationDelivery d = new NotificationDelivery(config, ledger);
        d.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        d.open(DefaultOpenContext.INSTANCE);
        opened.add(d);
        return d;
    }

    /** Collects what the function completes a ResultFuture with. */
    static final class Result implements ResultFuture<DeliveryOutcome> {
        final CompletableFuture<DeliveryOutcome> future = new CompletableFuture<>();

        @Override
        public void complete(Collection<DeliveryOutcome> result) {
            future.complete(result.iterator().next());
        }

        @Override
        public void completeExceptionally(Throwable error) {
            future.completeExceptionally(error);
        }

        @Override
        public void complete(
                org.apache.flink.streaming.api.functions.async.CollectionSupplier<DeliveryOutcome>
                        supplier) {
            try {
                complete(supplier.get());
            } catch (Exception e) {
                completeExceptionally(e);
            }
        }

        DeliveryOutcome get() throws Exception {
            return future.get(20, TimeUnit.SECONDS);
        }
    }

    private static Result invoke(NotificationDelivery d, Notification n) {
        Result r = new Result();
        d.asyncInvoke(n, r);
        return r;
    }

    @Test
    void sendsEachReceiverItsOwnPayload() throws Exception {
        NotificationDelivery d = open(DeliveryLedger.none());
        assertThat(invoke(d, Notifications.trigger("pager", "db")).get().finalStatus())
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(invoke(d, Notifications.trigger("slack", "db")).get().finalStatus())
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(invoke(d, Notifications.trigger("hook", "db")).get().finalStatus())
                .isEqualTo(DeliveryStatus.DELIVERED);

        JsonNode pd = JSON.readTree(server.requests("/pagerduty/v2/enqueue").get(0).body);
        assertThat(pd.path("routing_key").asText()).isEqualTo(PD_KEY);
        assertThat(pd.path("event_action").asText()).isEqualTo("trigger");
        assertThat(pd.path("dedup_key").asText()).isEqualTo("db");
        JsonNode slack =
                JSON.readTree(server.requests("/slack/services/" + SLACK_TOKEN).get(0).body);
        assertThat(slack.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        RecordingHttpServer.Request hook = server.requests("/hook").get(0);
        assertThat(hook.header("Authorization")).isEqualTo(HOOK_AUTH);
        assertThat(hook.header("Idempotency-Key"))
                .isEqualTo(Deliveries.deliveryId(Notifications.trigger("hook", "db")));
        assertThat(JSON.readTree(hook.body).path("alerts").get(0).path("fingerprint").asText())
                .isEqualTo("db");
    }

    @Test
    void aRestartedStepDoesNotDeliverWhatTheLedgerHolds() throws Exception {
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
        NotificationDelivery before = open(ledger);
        Notification n = Notifications.trigger("slack", "db");
        assertThat(invoke(before, n).get().finalStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        before.close();

        // As after a TaskManager loss between the delivery and the next checkpoint: the same
        // notification is replayed into a fresh delivery step.
        NotificationDelivery after = open(ledger);
        DeliveryOutcome replay = invoke(after, n).get();
        assertThat(replay.finalStatus()).isEqualTo(DeliveryStatus.ALREADY_DELIVERED);
        assertThat(replay.attempts.get(0).attempt).isZero();
        assertThat(server.requests("/slack/services/" + SLACK_TOKEN)).hasSize(1);
        assertThat(ledger.delivered()).containsExactly(Deliveries.deliveryId(n));
    }

    @Test
    void deliveriesOfOneIncidentStayInOrder() throws Exception {
        String path = "/slack/services/" + SLACK_TOKEN;
        server.script(path, Answer.hang(Duration.ofMillis(400)));
        NotificationDelivery d = open(DeliveryLedger.none());
        Result trigger = invoke(d, Notifications.trigger("slack", "db"));
        Result resolve = invoke(d, Notifications.resolve("slack", "db"));
        trigger.get();
        resolve.get();
        List<RecordingHttpServer.Request> requests = server.requests(path);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).body).doesNotContain("RESOLVED");
        assertThat(requests.get(1).body).contains("RESOLVED");
        assertThat(requests.get(1).receivedAtMillis - requests.get(0).receivedAtMillis)
                .isGreaterThanOrEqualTo(400);
    }

    @Test
    void anUnusableReceiverFailsAloneAndSaysWhy() throws Exception {
        NotificationDelivery d = open(DeliveryLedger.none());
        DeliveryOutcome unset = invoke(d, Notifications.trigger("unset", "db")).get();
        assertThat(unset.finalStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(unset.last().error)
                .contains("GUARDIAN_TEST_SURELY_UNSET_VARIABLE is not set on this TaskManager");
        DeliveryOutcome broken = invoke(d, Notifications.trigger("broken", "db")).get();
        assertThat(broken.last().error).contains("is not").contains("URL");
        assertThat(invoke(d, Notifications.trigger("hook", "db")).get().finalStatus())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void secretsNeverReachLogsRecordsOrDeadLetters() throws Exception {
        String slackPath = "/slack/services/" + SLACK_TOKEN;
        // A receiver that echoes what it got into its error, as some proxies do.
        server.always(slackPath, Answer.status(500, "upstream error for " + slackPath));
        server.always("/pagerduty/v2/enqueue", Answer.status(400, "bad key " + PD_KEY));
        server.always("/hook", Answer.status(401, "auth " + HOOK_AUTH + " refused"));
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        String logs;
        try (LogCapture capture = new LogCapture()) {
            NotificationDelivery d = open(DeliveryLedger.none());
            for (String receiver : List.of("slack", "pager", "hook", "broken", "unset")) {
                outcomes.add(invoke(d, Notifications.trigger(receiver, "db")).get());
            }
            logs = capture.text();
        }
        RecordDeliveryOutcomes records = new RecordDeliveryOutcomes(config, "guardian.alerts");
        StringBuilder everything = new StringBuilder(logs);
        for (DeliveryOutcome outcome : outcomes) {
            assertThat(outcome.finalStatus()).isEqualTo(DeliveryStatus.FAILED);
            for (DeliveryAttemptRecord a : outcome.attempts) {
                everything.append(JSON.writeValueAsString(a)).append('\n');
            }
            DeadLetter letter = records.deadLetter(outcome);
            everything.append(letter.toString()).append('\n');
            everything
                    .append(StandardCharsets.UTF_8.decode(letter.getOriginalBytes()))
                    .append('\n');
        }
        assertThat(logs).contains("failed after"); // the capture did see the failures
        assertThat(everything.toString())
                .contains("***")
                .doesNotContain(SLACK_TOKEN)
                .doesNotContain(PD_KEY)
                .doesNotContain("s3cr3t-h00k-t0ken")
                .doesNotContain(server.url("/hook"));
    }
}
