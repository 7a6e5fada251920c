package dev.guardian.alerts.route;

import static dev.guardian.alerts.testing.TestAlerts.MINUTE;
import static dev.guardian.alerts.testing.TestAlerts.SECOND;
import static dev.guardian.alerts.testing.TestAlerts.T0;
import static dev.guardian.alerts.testing.TestAlerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.RouterKeys;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-receiver rate limits: the overflow is summarised at the window's end, not dropped. */
class ReceiverRateLimiterTest {

    private static final RouterConfig CONFIG =
            RouterConfigParser.parse(
                    "receivers:\n"
                            + "  - name: slack\n"
                            + "    type: slack\n"
                            + "    url_env: SLACK_URL\n"
                            + "    rate_limit: {max: 2, per: 1m}\n"
                            + "  - {name: hook, type: webhook, url_env: HOOK_URL}\n"
                            + "routes:\n"
                            + "  - {receiver: slack}\n");

    private KeyedOneInputStreamOperatorTestHarness<String, Notification, Notification> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ReceiverRateLimiter(CONFIG)),
                        new RouterKeys.Receiver(),
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Notification notification(
            String receiver, String fingerprint, String severity, NotificationKind kind, long t) {
        Notification n = new Notification();
        n.receiver = receiver;
        n.route = "r";
        n.kind = kind;
        n.id = receiver + "|" + fingerprint + "@" + T0 + "#1";
        n.dedupKey = fingerprint;
        n.severity = severity;
        n.time = t;
        n.members.add(
                new NotificationMember(
                        firing(fingerprint).severity(severity).at(t).build(),
                        kind == NotificationKind.RESOLVE));
        return n;
    }

    private void send(Notification n) throws Exception {
        harness.processElement(n, n.time);
    }

    @Test
    void letsTheLimitThroughAndSummarisesTheRestAtTheWindowsEnd() throws Exception {
        for (int i = 0; i < 5; i++) {
            send(
                    notification(
                            "slack",
                            "fp-" + i,
                            i == 3 ? "CRITICAL" : "WARNING",
                            NotificationKind.TRIGGER,
                            T0 + i * SECOND));
        }
        assertThat(harness.extractOutputValues())
                .extracting(n -> n.dedupKey)
                .containsExactly("fp-0", "fp-1");
        // the window, and the held-back incidents
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(T0 + MINUTE);
        Notification summary = harness.extractOutputValues().get(2);
        assertThat(summary.kind).isEqualTo(NotificationKind.SUMMARY);
        assertThat(summary.summarisedCount).isEqualTo(3);
        assertThat(summary.severity).isEqualTo("CRITICAL");
        assertThat(summary.members)
                .extracting(m -> m.alert.fingerprint)
                .containsExactly("fp-2", "fp-3", "fp-4");
        assertThat(summary.id).isEqualTo("slack|rate-limit@" + T0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // held-back incidents only
        assertThat(harness.numEventTimeTimers()).isZero();

        // A new window starts with a fresh budget.
        send(notification("slack", "fp-5", "ERROR", NotificationKind.TRIGGER, T0 + MINUTE + 1));
        assertThat(harness.extractOutputValues()).hasSize(4);
    }

    @Test
    void resolvesAlwaysPassAndDoNotCount() throws Exception {
        send(notification("slack", "a", "ERROR", NotificationKind.TRIGGER, T0));
        send(notification("slack", "b", "ERROR", NotificationKind.TRIGGER, T0 + 1));
        send(notification("slack", "a", "ERROR", NotificationKind.RESOLVE, T0 + 2));
        send(notification("slack", "c", "ERROR", NotificationKind.TRIGGER, T0 + 3));
        // c was held back: its resolve has nothing to close, so it is not sent either.
        send(notification("slack", "c", "ERROR", NotificationKind.RESOLVE, T0 + 4));
        send(notification("slack", "b", "ERROR", NotificationKind.RESOLVE, T0 + 5));
        assertThat(harness.extractOutputValues())
                .extracting(n -> n.kind + ":" + n.dedupKey)
                .containsExactly("TRIGGER:a", "TRIGGER:b", "RESOLVE:a", "RESOLVE:b");
    }

    @Test
    void aLaterWindowArrivingFirstStillGetsTheEarlierSummary() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(notification("slack", "x" + i, "ERROR", NotificationKind.TRIGGER, T0 + i));
        }
        // The next window's first notification arrives before the watermark closed this one.
        send(notification("slack", "y", "ERROR", NotificationKind.TRIGGER, T0 + MINUTE + 5));
        assertThat(harness.extractOutputValues())
                .extracting(n -> n.kind + ":" + n.dedupKey)
                .containsExactly(
                        "TRIGGER:x0",
                        "TRIGGER:x1",
                        "SUMMARY:" + harness.extractOutputValues().get(2).dedupKey,
                        "TRIGGER:y");
        assertThat(harness.extractOutputValues().get(2).summarisedCount).isEqualTo(1);
    }

    @Test
    void receiversWithoutALimitAreNotTracked() throws Exception {
        for (int i = 0; i < 10; i++) {
            send(notification("hook", "h" + i, "ERROR", NotificationKind.TRIGGER, T0 + i));
        }
        assertThat(harness.extractOutputValues()).hasSize(10);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
