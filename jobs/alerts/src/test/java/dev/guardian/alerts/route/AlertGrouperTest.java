package dev.guardian.alerts.route;

import static dev.guardian.alerts.testing.TestAlerts.SECOND;
import static dev.guardian.alerts.testing.TestAlerts.T0;
import static dev.guardian.alerts.testing.TestAlerts.firing;
import static dev.guardian.alerts.testing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.RouterKeys;
import dev.guardian.alerts.config.RouteRule;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;
import dev.guardian.alerts.model.RoutedAlert;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grouping into notifications that list members: output, state and timers. */
class AlertGrouperTest {

    private static final RouterConfig CONFIG =
            RouterConfigFixture.config(
                    "  - name: by-service\n"
                            + "    match: {labels: {team: payments}}\n"
                            + "    receiver: hook\n"
                            + "    group_by: [service]\n"
                            + "    group_interval: 30s\n"
                            + "  - name: waiting\n"
                            + "    match: {labels: {team: search}}\n"
                            + "    receiver: hook\n"
                            + "    group_by: [service]\n"
                            + "    group_wait: 10s\n"
                            + "    group_interval: 30s\n"
                            + "  - name: single\n"
                            + "    receiver: hook\n");

    private KeyedOneInputStreamOperatorTestHarness<String, RoutedAlert, Notification> harness;

    private static KeyedOneInputStreamOperatorTestHarness<String, RoutedAlert, Notification>
            create() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AlertGrouper()),
                new RouterKeys.Group(),
                Types.STRING);
    }

    @BeforeEach
    void open() throws Exception {
        harness = create();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(AlertDecision d) throws Exception {
        for (RouteRule route : RouteAlerts.match(CONFIG.routes, d)) {
            harness.processElement(RouteAlerts.routed(d, route), d.alert.time);
        }
    }

    private List<Notification> out() {
        return harness.extractOutputValues();
    }

    private static List<String> members(Notification n) {
        return n.members.stream()
                .map(m -> m.alert.fingerprint + (m.resolved ? ":resolved" : ":firing"))
                .collect(Collectors.toList());
    }

    @Test
    void ungroupedRouteNotifiesEachDecisionAtOnceAndClosesOnResolve() throws Exception {
        send(firing("db").decided(Decision.TRIGGER));
        assertThat(out()).hasSize(1);
        Notification trigger = out().get(0);
        assertThat(trigger.kind).isEqualTo(NotificationKind.TRIGGER);
        assertThat(trigger.dedupKey).isEqualTo("db");
        assertThat(trigger.id).isEqualTo("hook|db@" + T0 + "#1");
        assertThat(harness.numEventTimeTimers()).isZero();

        send(firing("db").severity("CRITICAL").at(T0 + SECOND).decided(Decision.ESCALATE));
        send(resolved("db").at(T0 + 2 * SECOND).decided(Decision.RESOLVE));
        assertThat(out())
                .extracting(n -> n.kind)
                .containsExactly(
                        NotificationKind.TRIGGER,
                        NotificationKind.ESCALATE,
                        NotificationKind.RESOLVE);
        assertThat(out().get(2).id).isEqualTo("hook|db@" + T0 + "#3");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void membersJoiningWithinTheIntervalBecomeOneUpdateListingThem() throws Exception {
        send(
                firing("api-1")
                        .label("team", "payments")
                        .label("service", "api")
                        .decided(Decision.TRIGGER));
        assertThat(out()).hasSize(1);
        assertThat(out().get(0).kind).isEqualTo(NotificationKind.TRIGGER);
        assertThat(out().get(0).dedupKey).startsWith("group-");
        assertThat(out().get(0).groupLabels).containsEntry("service", "api");

        send(
                firing("api-2")
                        .label("team", "payments")
                        .label("service", "api")
                        .at(T0 + 5 * SECOND)
                        .severity("WARNING")
                        .decided(Decision.TRIGGER));
        send(
                firing("api-3")
                        .label("team", "payments")
                        .label("service", "api")
                        .at(T0 + 10 * SECOND)
                        .decided(Decision.TRIGGER));
        assertThat(out()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        // the group's value state and its members' map state
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.processWatermark(T0 + 30 * SECOND);
        Notification update = out().get(1);
        assertThat(update.kind).isEqualTo(NotificationKind.UPDATE);
        assertThat(update.revision).isEqualTo(2);
        assertThat(update.dedupKey).isEqualTo(out().get(0).dedupKey);
        // Firing members by severity: ERRORs first, then the WARNING.
        assertThat(members(update)).containsExactly("api-1:firing", "api-3:firing", "api-2:firing");

        send(
                resolved("api-1")
                        .label("team", "payments")
                        .label("service", "api")
                        .at(T0 + 40 * SECOND)
                        .decided(Decision.RESOLVE));
        harness.processWatermark(T0 + 60 * SECOND);
        Notification partly = out().get(2);
        assertThat(partly.kind).isEqualTo(NotificationKind.UPDATE);
        assertThat(members(partly))
                .containsExactly("api-3:firing", "api-2:firing", "api-1:resolved");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        send(
                resolved("api-2")
                        .label("team", "payments")
                        .label("service", "api")
                        .at(T0 + 70 * SECOND)
                        .decided(Decision.RESOLVE));
        send(
                resolved("api-3")
                        .label("team", "payments")
                        .label("service", "api")
                        .at(T0 + 71 * SECOND)
                        .decided(Decision.AUTO_RESOLVE));
        harness.processWatermark(T0 + 90 * SECOND);
        Notification closed = out().get(3);
        assertThat(closed.kind).isEqualTo(NotificationKind.RESOLVE);
        assertThat(members(closed)).containsExactlyInAnyOrder("api-2:resolved", "api-3:resolved");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void otherServicesFormTheirOwnGroups() throws Exception {
        send(
                firing("api-1")
                        .label("team", "payments")
                        .label("service", "api")
                        .decided(Decision.TRIGGER));
        send(
                firing("db-1")
                        .label("team", "payments")
                        .label("service", "db")
                        .decided(Decision.TRIGGER));
        assertThat(out())
                .extracting(n -> n.kind)
                .containsExactly(NotificationKind.TRIGGER, NotificationKind.TRIGGER);
        assertThat(out().get(0).dedupKey).isNotEqualTo(out().get(1).dedupKey);
    }

    @Test
    void groupWaitCollectsTheFirstMembersIntoTheTrigger() throws Exception {
        send(
                firing("s-1")
                        .label("team", "search")
                        .label("service", "es")
                        .decided(Decision.TRIGGER));
        send(
                firing("s-2")
                        .label("team", "search")
                        .label("service", "es")
                        .at(T0 + 3 * SECOND)
                        .decided(Decision.TRIGGER));
        assertThat(out()).isEmpty();
        harness.processWatermark(T0 + 10 * SECOND);
        assertThat(out()).hasSize(1);
        assertThat(out().get(0).kind).isEqualTo(NotificationKind.TRIGGER);
        assertThat(members(out().get(0))).containsExactly("s-1:firing", "s-2:firing");
    }

    @Test
    void firedAndResolvedWithinGroupWaitTellsNobody() throws Exception {
        send(
                firing("s-1")
                        .label("team", "search")
                        .label("service", "es")
                        .decided(Decision.TRIGGER));
        send(
                resolved("s-1")
                        .label("team", "search")
                        .label("service", "es")
                        .at(T0 + 2 * SECOND)
                        .decided(Decision.RESOLVE));
        harness.processWatermark(T0 + 10 * SECOND);
        assertThat(out()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aMoreUrgentMemberMakesTheUpdateAnEscalation() throws Exception {
        send(
                firing("api-1")
                        .label("team", "payments")
                        .label("service", "api")
                        .severity("WARNING")
                        .decided(Decision.TRIGGER));
        send(
                firing("api-2")
                        .label("team", "payments")
                        .label("service", "api")
                        .severity("CRITICAL")
                        .at(T0 + SECOND)
                        .decided(Decision.TRIGGER));
        harness.processWatermark(T0 + 30 * SECOND);
        Notification escalation = out().get(1);
        assertThat(escalation.kind).isEqualTo(NotificationKind.ESCALATE);
        assertThat(escalation.severity).isEqualTo("CRITICAL");
        NotificationMember lead =
                escalation.members.stream().filter(m -> !m.resolved).findFirst().orElseThrow();
        assertThat(lead.alert.fingerprint).isEqualTo("api-2");
        assertThat(escalation.lead().fingerprint).isEqualTo("api-2");
    }

    @Test
    void stateSurvivesSnapshotAndRestore() throws Exception {
        send(
                firing("api-1")
                        .label("team", "payments")
                        .label("service", "api")
                        .decided(Decision.TRIGGER));
        send(
                firing("api-2")
                        .label("team", "payments")
                        .label("service", "api")
                        .at(T0 + SECOND)
                        .decided(Decision.TRIGGER));
        var snapshot = harness.snapshot(1L, T0 + SECOND);
        harness.close();
        harness = create();
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(T0 + 30 * SECOND);
        assertThat(out()).hasSize(1);
        assertThat(members(out().get(0))).containsExactly("api-1:firing", "api-2:firing");
        assertThat(out().get(0).revision).isEqualTo(2);
    }

    /** The grouping routes of these tests. */
    static final class RouterConfigFixture {
        static RouterConfig config(String routes) {
            return dev.guardian.alerts.config.RouterConfigParser.parse(
                    "receivers:\n"
                            + "  - {name: hook, type: webhook, url_env: TEST_HOOK_URL}\n"
                            + "routes:\n"
                            + routes);
        }
    }
}
