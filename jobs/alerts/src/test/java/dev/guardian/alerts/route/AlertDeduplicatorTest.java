package dev.guardian.alerts.route;

import static dev.guardian.alerts.testing.TestAlerts.HOUR;
import static dev.guardian.alerts.testing.TestAlerts.MINUTE;
import static dev.guardian.alerts.testing.TestAlerts.SECOND;
import static dev.guardian.alerts.testing.TestAlerts.T0;
import static dev.guardian.alerts.testing.TestAlerts.firing;
import static dev.guardian.alerts.testing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.RouterKeys;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.testing.TestConfigs;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deduplication by fingerprint: output, keyed state and timers, watermarks pushed by hand. */
class AlertDeduplicatorTest {

    private KeyedBroadcastOperatorTestHarness<String, AlertView, String, AlertDecision> harness;

    private KeyedBroadcastOperatorTestHarness<String, AlertView, String, AlertDecision> open(
            RouterConfig config, OperatorSubtaskState restore) throws Exception {
        KeyedBroadcastOperatorTestHarness<String, AlertView, String, AlertDecision> h =
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new AlertDeduplicator(config), List.of(AlertDeduplicator.MUTES)),
                        new RouterKeys.Fingerprint(),
                        Types.STRING,
                        1,
                        1,
                        0);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void send(AlertView alert) throws Exception {
        harness.processElement(alert, alert.time);
    }

    /** What KeyedOneInputStreamOperatorTestHarness#numKeyedStateEntries counts. */
    private int keyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    private List<Decision> decisions() {
        return harness.extractOutputValues().stream()
                .map(d -> d.decision)
                .collect(Collectors.toList());
    }

    @Test
    void firingNotifiesOnceThenSuppressesRepeats() throws Exception {
        harness = open(TestConfigs.simple(""), null);
        send(firing("db").build());
        send(firing("db").at(T0 + MINUTE).build());
        send(firing("db").at(T0 + 2 * MINUTE).build());

        assertThat(decisions())
                .containsExactly(Decision.TRIGGER, Decision.DUPLICATE, Decision.DUPLICATE);
        AlertDecision first = harness.extractOutputValues().get(0);
        assertThat(first.episodeId).isEqualTo("db@" + T0);
        assertThat(first.notificationSeq).isEqualTo(1);
        assertThat(keyedStateEntries()).isEqualTo(1);
        // The auto-resolve timer moved with each update: still one timer.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void escalationNotifiesAgainButNotTheWayDown() throws Exception {
        harness = open(TestConfigs.simple(""), null);
        send(firing("db").severity("WARNING").build());
        send(firing("db").severity("CRITICAL").at(T0 + MINUTE).build());
        send(firing("db").severity("ERROR").at(T0 + 2 * MINUTE).build());
        send(firing("db").severity("CRITICAL").at(T0 + 3 * MINUTE).build());

        assertThat(decisions())
                .containsExactly(
                        Decision.TRIGGER,
                        Decision.ESCALATE,
                        Decision.DUPLICATE,
                        Decision.DUPLICATE);
        assertThat(harness.extractOutputValues().get(1).notificationSeq).isEqualTo(2);
    }

    @Test
    void renotifiesAfterTheInterval() throws Exception {
        harness = open(TestConfigs.simple(""), null); // renotify_interval: 1h
        send(firing("db").build());
        send(firing("db").at(T0 + 30 * MINUTE).build());
        send(firing("db").at(T0 + HOUR).build());
        send(firing("db").at(T0 + HOUR + 10 * MINUTE).build());

        assertThat(decisions())
                .containsExactly(
                        Decision.TRIGGER,
                        Decision.DUPLICATE,
                        Decision.RENOTIFY,
                        Decision.DUPLICATE);
    }

    @Test
    void resolveNotifiesOnceAndClosesTheEpisode() throws Exception {
        harness = open(TestConfigs.simple(""), null);
        send(firing("db").build());
        send(resolved("db").at(T0 + 5 * MINUTE).build());

        assertThat(decisions()).containsExactly(Decision.TRIGGER, Decision.RESOLVE);
        assertThat(harness.extractOutputValues().get(1).notificationSeq).isEqualTo(2);
        // Only the memory of the resolve is left (resolved_memory, default 5m), then nothing.
        assertThat(keyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        send(resolved("db").at(T0 + 6 * MINUTE).build());
        assertThat(decisions()).last().isEqualTo(Decision.RESOLVED_SILENTLY);
        harness.watermark(T0 + 10 * MINUTE);
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        // A new firing after the resolve is a new episode.
        send(firing("db").startsAt(T0 + 11 * MINUTE).at(T0 + 11 * MINUTE).build());
        AlertDecision reopened = harness.extractOutputValues().get(3);
        assertThat(reopened.decision).isEqualTo(Decision.TRIGGER);
        assertThat(reopened.episodeId).isEqualTo("db@" + (T0 + 11 * MINUTE));
    }

    @Test
    void aLateFiringUpdateDoesNotReopenAResolvedEpisode() throws Exception {
        harness = open(TestConfigs.simple(""), null);
        send(firing("db").build());
        send(resolved("db").at(T0 + 5 * MINUTE).build());
        // Sent before the resolve, arrived after it (another partition, a retrying producer).
        send(firing("db").at(T0 + 3 * MINUTE).build());
        // Firing again after the resolve: a new episode, even within the memory.
        send(firing("db").startsAt(T0 + 6 * MINUTE).at(T0 + 6 * MINUTE).build());
        assertThat(decisions())
                .containsExactly(
                        Decision.TRIGGER, Decision.RESOLVE, Decision.DUPLICATE, Decision.TRIGGER);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aFlappingAlertIsHeldByTheResolveDelayAndPagesOnce() throws Exception {
        harness = open(TestConfigs.withResolveDelay(TestConfigs.simple(""), MINUTE), null);
        send(firing("db").build());
        send(resolved("db").at(T0 + 10 * SECOND).build());
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        send(firing("db").at(T0 + 30 * SECOND).build()); // fired again within the minute
        send(resolved("db").at(T0 + 40 * SECOND).build());
        send(resolved("db").at(T0 + 45 * SECOND).build()); // a repeat changes nothing
        harness.watermark(T0 + 40 * SECOND + MINUTE - 1);
        assertThat(decisions())
                .containsExactly(
                        Decision.TRIGGER,
                        Decision.RESOLVING,
                        Decision.DUPLICATE,
                        Decision.RESOLVING,
                        Decision.RESOLVED_SILENTLY);
        harness.watermark(T0 + 40 * SECOND + MINUTE);
        assertThat(decisions()).last().isEqualTo(Decision.RESOLVE);
        AlertDecision resolve = harness.extractOutputValues().get(5);
        assertThat(resolve.alert.time).isEqualTo(T0 + 40 * SECOND);
        assertThat(resolve.notificationSeq).isEqualTo(2);
    }

    @Test
    void autoResolvesAfterNoNewsForTheConfiguredTime() throws Exception {
        harness = open(TestConfigs.simple(""), null); // auto_resolve_after: 30m
        send(firing("db").build());
        send(firing("db").at(T0 + 10 * MINUTE).build());
        harness.watermark(T0 + 39 * MINUTE);
        assertThat(decisions()).containsExactly(Decision.TRIGGER, Decision.DUPLICATE);

        harness.watermark(T0 + 40 * MINUTE);
        assertThat(decisions()).last().isEqualTo(Decision.AUTO_RESOLVE);
        AlertDecision auto = harness.extractOutputValues().get(2);
        assertThat(auto.alert.status).isEqualTo("RESOLVED");
        assertThat(auto.alert.time).isEqualTo(T0 + 40 * MINUTE);
        assertThat(auto.alert.summary).startsWith("Auto-resolved by the router");
        harness.watermark(T0 + 45 * MINUTE);
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void configMuteSuppressesButRecordsAndEndsOnTime() throws Exception {
        harness =
                open(
                        TestConfigs.simple(
                                "mutes:\n"
                                        + "  - id: canary\n"
                                        + "    match: {labels: {env: canary}}\n"
                                        + "    ends_at: 2024-05-01T10:30:00Z\n"),
                        null);
        send(firing("db").label("env", "canary").build());
        send(firing("api").label("env", "prod").build());
        send(firing("db").label("env", "canary").at(T0 + 31 * MINUTE).build());

        List<AlertDecision> out = harness.extractOutputValues();
        assertThat(out.get(0).decision).isEqualTo(Decision.MUTED);
        assertThat(out.get(0).mutedBy).isEqualTo("mute:canary");
        assertThat(out.get(1).decision).isEqualTo(Decision.TRIGGER);
        // The mute ended: the still-firing alert is notified as new, in the same episode.
        assertThat(out.get(2).decision).isEqualTo(Decision.TRIGGER);
        assertThat(out.get(2).episodeId).isEqualTo(out.get(0).episodeId);
        // Muted alerts are tracked too, so a resolve closes them.
        assertThat(keyedStateEntries()).isEqualTo(2);
    }

    @Test
    void resolveOfAnEpisodeNobodyWasToldAboutIsSilent() throws Exception {
        harness =
                open(
                        TestConfigs.simple(
                                "mutes:\n  - id: all-db\n    match: {labels: {service: db}}\n"),
                        null);
        send(firing("db").label("service", "db").build());
        send(resolved("db").label("service", "db").at(T0 + MINUTE).build());
        assertThat(decisions()).containsExactly(Decision.MUTED, Decision.RESOLVED_SILENTLY);
        harness.watermark(T0 + 10 * MINUTE);
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void maintenanceWindowMutesOnlyInsideItsHours() throws Exception {
        harness =
                open(
                        TestConfigs.simple(
                                "maintenance_windows:\n"
                                        + "  - name: db-patching\n"
                                        + "    match: {labels: {service: db}}\n"
                                        + "    days: [WED]\n"
                                        + "    start: \"09:30\"\n"
                                        + "    end: \"10:30\"\n"
                                        + "    timezone: UTC\n"),
                        null);
        send(firing("db-1").label("service", "db").build()); // Wed 10:00 UTC
        send(firing("db-2").label("service", "db").at(T0 + HOUR).build()); // 11:00
        List<AlertDecision> out = harness.extractOutputValues();
        assertThat(out.get(0).decision).isEqualTo(Decision.MUTED);
        assertThat(out.get(0).mutedBy).isEqualTo("maintenance:db-patching");
        assertThat(out.get(1).decision).isEqualTo(Decision.TRIGGER);
    }

    @Test
    void runtimeMutesArriveThroughBroadcastStateAndCanBeLifted() throws Exception {
        harness = open(TestConfigs.simple(""), null);
        harness.processBroadcastElement(
                "{\"id\":\"m1\",\"match\":{\"entity_regex\":\".*service=\\\"db\\\".*\"},"
                        + "\"created_by\":\"alice\",\"comment\":\"failover\"}",
                T0);
        assertThat(harness.getBroadcastState(AlertDeduplicator.MUTES).contains("m1")).isTrue();
        send(firing("db").build());
        send(firing("api").build());
        harness.processBroadcastElement("{\"id\":\"m1\",\"deleted\":true}", T0 + MINUTE);
        send(firing("db").at(T0 + 2 * MINUTE).build());

        List<AlertDecision> out = harness.extractOutputValues();
        assertThat(out.get(0).decision).isEqualTo(Decision.MUTED);
        assertThat(out.get(0).mutedBy).isEqualTo("mute:m1");
        assertThat(out.get(1).decision).isEqualTo(Decision.TRIGGER);
        assertThat(out.get(2).decision).isEqualTo(Decision.TRIGGER);
        assertThat(harness.getBroadcastState(AlertDeduplicator.MUTES).contains("m1")).isFalse();
    }

    @Test
    void episodesMutesAndTimersSurviveSnapshotAndRestore() throws Exception {
        RouterConfig config = TestConfigs.simple("");
        harness = open(config, null);
        harness.processBroadcastElement(
                "{\"id\":\"m2\",\"match\":{\"labels\":{\"team\":\"web\"}}}", T0);
        send(firing("db").build());
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = open(config, snapshot);
        assertThat(keyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        send(firing("db").at(T0 + MINUTE).build());
        send(firing("web").label("team", "web").at(T0 + MINUTE).build());
        harness.watermark(T0 + 31 * MINUTE);

        // db was notified before the snapshot: its auto-resolve notifies; muted web's is silent.
        assertThat(decisions())
                .containsExactly(
                        Decision.DUPLICATE,
                        Decision.MUTED,
                        Decision.AUTO_RESOLVE,
                        Decision.RESOLVED_SILENTLY);
    }
}
