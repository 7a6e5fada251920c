package dev.guardian.alerts.deliver;

import static dev.guardian.alerts.testing.TestAlerts.MINUTE;
import static dev.guardian.alerts.testing.TestAlerts.T0;
import static dev.guardian.alerts.testing.TestAlerts.firing;
import static dev.guardian.alerts.testing.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.config.LinkTemplate;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.testing.Notifications;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receivers' payloads, as pure functions of a notification. */
class PayloadsTest {

    private static final List<LinkTemplate> LINKS =
            List.of(
                    new LinkTemplate(
                            "Grafana",
                            "http://grafana/d/alerts?var-fp={fingerprint}&from={from_ms}"),
                    new LinkTemplate(
                            "Elasticsearch",
                            "http://es/guardian-alerts/_search?q=fingerprint:{fingerprint}"),
                    new LinkTemplate(
                            "ClickHouse query",
                            "http://ch/?query=SELECT+1+WHERE+fp%3D'{fingerprint}'"));

    private static Notification single() {
        Notification n =
                Notifications.of(
                        "pager",
                        NotificationKind.TRIGGER,
                        firing("fp-1")
                                .severity("CRITICAL")
                                .label("component", "checkout")
                                .label("service", "api")
                                .build());
        return n;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void pagerDutyTriggerCarriesEverythingTheEventsApiTakes() {
        ObjectNode e = PagerDutyEvents.render(single(), "KEY", LINKS);
        assertThat(e.path("routing_key").asText()).isEqualTo("KEY");
        assertThat(e.path("event_action").asText()).isEqualTo("trigger");
        assertThat(e.path("dedup_key").asText()).isEqualTo("fp-1");
        JsonNode p = e.path("payload");
        assertThat(p.path("summary").asText()).isEqualTo("p99 latency of fp-1 above its band");
        assertThat(p.path("source").asText())
                .isEqualTo("http_request_duration_seconds{service=\"fp-1\"}");
        assertThat(p.path("severity").asText()).isEqualTo("critical");
        assertThat(p.path("timestamp").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(p.path("component").asText()).isEqualTo("checkout");
        JsonNode details = p.path("custom_details");
        assertThat(details.path("evidence").path("score").asText()).isEqualTo("0.97");
        assertThat(details.path("value_vs_expected").asText()).isEqualTo("840 (expected 120)");
        assertThat(details.path("labels").path("service").asText()).isEqualTo("api");
        assertThat(texts(e.path("links"), "text"))
                .containsExactly("Raw data query", "Grafana", "Elasticsearch", "ClickHouse query");
        assertThat(texts(e.path("links"), "href").get(1))
                .isEqualTo("http://grafana/d/alerts?var-fp=fp-1&from=" + (T0 - 3_600_000L));
    }

    @Test
    void pagerDutyResolveIsMinimalAndSeveritiesMap() {
        ObjectNode e = PagerDutyEvents.render(Notifications.resolve("pager", "fp-1"), "KEY", LINKS);
        assertThat(e.path("event_action").asText()).isEqualTo("resolve");
        assertThat(e.path("dedup_key").asText()).isEqualTo("fp-1");
        assertThat(e.has("payload")).isFalse();
        assertThat(PagerDutyEvents.severity("ERROR")).isEqualTo("error");
        assertThat(PagerDutyEvents.severity("WARNING")).isEqualTo("warning");
        assertThat(PagerDutyEvents.severity("INFO")).isEqualTo("info");
        assertThat(PagerDutyEvents.severity("bogus")).isEqualTo("info");
    }

    @Test
    void pagerDutySummaryIsCutToItsLimit() {
        Notification n =
                Notifications.of(
                        "pager",
                        NotificationKind.TRIGGER,
                        firing("x").title("y".repeat(5000)).build());
        assertThat(PagerDutyEvents.render(n, "K", LINKS).path("payload").path("summary").asText())
                .hasSize(1024);
    }

    @Test
    void slackMessageHasTheBlocksOnCallNeeds() {
        ObjectNode m = SlackMessages.render(single(), LINKS);
        JsonNode blocks = m.path("blocks");
        assertThat(texts(blocks, "type"))
                .containsExactly("header", "section", "section", "section", "actions", "context");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("🔴 CRITICAL p99 latency of fp-1 above its band");
        List<String> fields = texts(blocks.get(1).path("fields"), "text");
        assertThat(fields)
                .containsExactly(
                        "*Severity*\nCRITICAL",
                        "*Entity*\n`http_request_duration_seconds{service=\"fp-1\"}`",
                        "*Value*\n840 (expected 120)",
                        "*Stream*\nmetrics");
        assertThat(blocks.get(3).path("text").path("text").asText())
                .startsWith("*Evidence*\n• detector: seasonal");
        List<String> buttons = new ArrayList<>();
        blocks.get(4)
                .path("elements")
                .forEach(b -> buttons.add(b.path("text").path("text").asText()));
        assertThat(buttons)
                .containsExactly("Raw data query", "Grafana", "Elasticsearch", "ClickHouse query");
        assertThat(m.path("text").asText()).contains("CRITICAL");
    }

    @Test
    void slackResolveIsAFollowUpSayingHowLongItFired() {
        Notification n =
                Notifications.of(
                        "slack",
                        NotificationKind.RESOLVE,
                        resolved("fp-1").at(T0 + 23 * MINUTE).build());
        JsonNode blocks = SlackMessages.render(n, LINKS).path("blocks");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .startsWith("✅ RESOLVED p99 latency");
        assertThat(texts(blocks.get(1).path("fields"), "text")).contains("*Firing for*\n23 min");
    }

    @Test
    void slackGroupListsMembersAndEscapesMarkup() {
        Notification n =
                Notifications.of(
                        "slack",
                        NotificationKind.UPDATE,
                        firing("a").title("disk <90%> & rising").label("service", "db").build(),
                        firing("b").severity("WARNING").build(),
                        resolved("c").build());
        n.groupLabels.put("service", "db");
        String header =
                SlackMessages.render(n, LINKS)
                        .path("blocks")
                        .get(0)
                        .path("text")
                        .path("text")
                        .asText();
        assertThat(header).isEqualTo("🟠 UPDATE ERROR [2 firing · service=db] disk <90%> & rising");
        String members =
                SlackMessages.render(n, LINKS)
                        .path("blocks")
                        .get(4)
                        .path("text")
                        .path("text")
                        .asText();
        assertThat(members)
                .startsWith("*2 firing, 1 resolved* · service=db\n")
                .contains("• 🟠 disk &lt;90%&gt; &amp; rising")
                .contains("• ✅ p99 latency of c");
    }

    @Test
    void slackHeaderStaysWithinBlockKitLimits() {
        Notification n =
                Notifications.of(
                        "slack",
                        NotificationKind.TRIGGER,
                        firing("x").title("t".repeat(400)).build());
        assertThat(
                        SlackMessages.render(n, LINKS)
                                .path("blocks")
                                .get(0)
                                .path("text")
                                .path("text")
                                .asText())
                .hasSize(SlackMessages.MAX_HEADER);
    }

    @Test
    void webhookCarriesTheWholeNotification() {
        Notification n =
                Notifications.of(
                        "hook",
                        NotificationKind.UPDATE,
                        firing("a").build(),
                        resolved("b").build());
        ObjectNode w = WebhookMessages.render(n, LINKS);
        assertThat(w.path("kind").asText()).isEqualTo("update");
        assertThat(w.path("status").asText()).isEqualTo("firing");
        assertThat(w.path("notification_id").asText()).isEqualTo(n.id);
        assertThat(texts(w.path("alerts"), "status")).containsExactly("firing", "resolved");
        assertThat(w.path("alerts").get(0).path("evidence").path("score").asText())
                .isEqualTo("0.97");
        assertThat(w.path("links")).hasSize(4);
    }
}
