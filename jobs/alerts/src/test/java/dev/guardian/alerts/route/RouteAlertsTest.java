package dev.guardian.alerts.route;

import static dev.guardian.alerts.testing.TestAlerts.firing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.model.AlertDecision;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.RoutedAlert;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Routing rules: first match wins unless it says continue; every decision is recorded. */
class RouteAlertsTest {

    private static final RouterConfig CONFIG =
            RouterConfigParser.parse(
                    "receivers:\n"
                            + "  - {name: pager, type: pagerduty, routing_key_env: PD_KEY}\n"
                            + "  - {name: payments-slack, type: slack, url_env: SLACK_PAYMENTS}\n"
                            + "  - {name: ops-slack, type: slack, url_env: SLACK_OPS}\n"
                            + "  - {name: security, type: webhook, url_file: /run/secrets/siem}\n"
                            + "routes:\n"
                            + "  - name: pages\n"
                            + "    match: {severity: [CRITICAL]}\n"
                            + "    receiver: pager\n"
                            + "    continue: true\n"
                            + "  - name: security\n"
                            + "    match: {source: SECURITY}\n"
                            + "    receiver: security\n"
                            + "  - name: payments\n"
                            + "    match: {labels: {team: payments}, min_severity: WARNING}\n"
                            + "    receiver: payments-slack\n"
                            + "    group_by: [service, env]\n"
                            + "  - name: fallback\n"
                            + "    receiver: ops-slack\n");

    private static List<String> routes(AlertDecision d) {
        return RouteAlerts.match(CONFIG.routes, d).stream()
                .map(r -> r.name)
                .collect(Collectors.toList());
    }

    @Test
    void firstMatchWinsUnlessTheRuleContinues() {
        assertThat(
                        routes(
                                firing("a")
                                        .severity("CRITICAL")
                                        .label("team", "payments")
                                        .decided(Decision.TRIGGER)))
                .containsExactly("pages", "payments");
        assertThat(
                        routes(
                                firing("b")
                                        .severity("ERROR")
                                        .label("team", "payments")
                                        .decided(Decision.TRIGGER)))
                .containsExactly("payments");
        assertThat(
                        routes(
                                firing("c")
                                        .severity("INFO")
                                        .label("team", "payments")
                                        .decided(Decision.TRIGGER)))
                .containsExactly("fallback");
        assertThat(
                        routes(
                                firing("d")
                                        .source("SECURITY")
                                        .label("team", "payments")
                                        .decided(Decision.TRIGGER)))
                .containsExactly("security");
        assertThat(
                        routes(
                                firing("e")
                                        .severity("CRITICAL")
                                        .source("SECURITY")
                                        .decided(Decision.TRIGGER)))
                .containsExactly("pages", "security");
    }

    @Test
    void groupKeysFollowTheGroupByLabels() {
        AlertDecision d =
                firing("a")
                        .label("team", "payments")
                        .label("service", "api")
                        .decided(Decision.TRIGGER);
        RoutedAlert r = RouteAlerts.routed(d, CONFIG.routes.get(2));
        assertThat(r.single).isFalse();
        assertThat(r.groupLabels).containsEntry("service", "api").containsEntry("env", "");
        assertThat(r.groupKey).isEqualTo("payments-slack|payments|service=api,env=,");
        RoutedAlert single = RouteAlerts.routed(d, CONFIG.routes.get(3));
        assertThat(single.single).isTrue();
        assertThat(single.groupKey).endsWith("fingerprint=a");
    }

    @Test
    void recordsEveryDecisionButRoutesOnlyNotifyingOnes() throws Exception {
        try (OneInputStreamOperatorTestHarness<AlertDecision, RoutedAlert> h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new RouteAlerts(CONFIG)))) {
            h.open();
            h.processElement(
                    new StreamRecord<>(firing("a").severity("CRITICAL").decided(Decision.TRIGGER)));
            h.processElement(
                    new StreamRecord<>(
                            firing("a").severity("CRITICAL").decided(Decision.DUPLICATE)));
            AlertDecision muted = firing("b").decided(Decision.MUTED);
            muted.mutedBy = "mute:x";
            h.processElement(new StreamRecord<>(muted));

            assertThat(h.extractOutputValues())
                    .extracting(r -> r.receiver)
                    .containsExactly("pager", "ops-slack");
            List<AlertRecord> records =
                    h.getSideOutput(RouteAlerts.RECORDS).stream()
                            .map(StreamRecord::getValue)
                            .collect(Collectors.toList());
            assertThat(records).hasSize(3);
            assertThat(records.get(0).routes).containsExactly("pages", "fallback");
            assertThat(records.get(1).decision.decision).isEqualTo(Decision.DUPLICATE);
            assertThat(records.get(2).receivers).containsExactly("ops-slack");
            assertThat(records.get(2).decision.mutedBy).isEqualTo("mute:x");
        }
    }
}
