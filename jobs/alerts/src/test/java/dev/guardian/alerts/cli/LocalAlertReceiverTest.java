package dev.guardian.alerts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.deliver.ReceiverCheck;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's local receiver, fed by the real delivery code (what the demo does). */
class LocalAlertReceiverTest {

    @TempDir Path dir;

    private String secret(String name, String value) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, value);
        return f.toString();
    }

    @Test
    void recordsAndPrintsWhatEachReceiverWouldHaveGot() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StringWriter jsonl = new StringWriter();
        try (LocalAlertReceiver receiver =
                new LocalAlertReceiver(
                        "127.0.0.1",
                        0,
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        jsonl,
                        1,
                        429)) {
            String base = "http://127.0.0.1:" + receiver.port();
            RouterConfig config =
                    RouterConfigParser.parse(
                            "receivers:\n"
                                    + "  - {name: pd, type: pagerduty, url_file: "
                                    + secret("pd", base + "/pagerduty")
                                    + ", routing_key_file: "
                                    + secret("key", "LOCAL-KEY-123")
                                    + ", retry: {initial_backoff: 10ms, max_backoff: 20ms}}\n"
                                    + "  - {name: slack, type: slack, url_file: "
                                    + secret("slack", base + "/slack/T/B/x")
                                    + "}\n"
                                    + "  - {name: hook, type: webhook, url_file: "
                                    + secret("hook", base + "/webhook/audit")
                                    + "}\n"
                                    + "routes: [{receiver: pd}]\n");
            // The receiver answers the first request 429 + Retry-After: 1, as asked.
            List<DeliveryAttemptRecord> pd = ReceiverCheck.send(config, "pd", false);
            assertThat(pd)
                    .extracting(a -> a.status)
                    .containsExactly(DeliveryStatus.RETRYING, DeliveryStatus.DELIVERED);
            assertThat(pd.get(0).retryAfterMillis).isEqualTo(1000);
            ReceiverCheck.send(config, "pd", true);
            ReceiverCheck.send(config, "slack", false);
            ReceiverCheck.send(config, "hook", false);

            assertThat(receiver.summary())
                    .containsEntry("pagerduty trigger", 1)
                    .containsEntry("pagerduty resolve", 1)
                    .containsEntry("slack message", 1)
                    .containsEntry("webhook trigger", 1);
            String lines = printed.toString(StandardCharsets.UTF_8);
            assertThat(lines)
                    .contains(
                            "[pagerduty] trigger  dedup_key=guardian-test-pd  WARNING  Guardian test notification")
                    .contains("[pagerduty] resolve  dedup_key=guardian-test-pd")
                    .contains(
                            "[slack]     🟡 WARNING Guardian test notification for receiver slack  |  Entity `guardian-alert-router`  |  Value 1 (expected 0)")
                    .contains(
                            "[webhook]   trigger  WARNING  Guardian test notification for receiver hook  (1 alert(s), status firing)");
            assertThat(jsonl.toString())
                    .contains("\"routing_key\":\"***\"")
                    .doesNotContain("LOCAL-KEY-123");
        }
    }
}
