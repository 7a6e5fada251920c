package dev.guardian.alerts;

import static dev.guardian.alerts.testing.TestAlerts.MINUTE;
import static dev.guardian.alerts.testing.TestAlerts.SECOND;
import static dev.guardian.alerts.testing.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.deliver.DeliveryLedger;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.alerts.testing.InMemoryDeliveryLedger;
import dev.guardian.alerts.testing.RecordingHttpServer;
import dev.guardian.alerts.testing.RecordingHttpServer.Answer;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole router on a mini cluster: bounded alerts in, notifications out to a real local HTTP
 * server, records and dead letters into collecting sinks. Kryo is disabled, so every type in flight
 * and in state must have a proper serializer.
 */
class AlertRouterWorkflowTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path secrets;

    static class Collecting implements AlertRouterSinks {
        final CollectingSink<AlertRecord> records = new CollectingSink<>();
        final CollectingSink<DeliveryAttemptRecord> attempts = new CollectingSink<>();
        final CollectingSink<DeadLetter> deliveryDeadLetters = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();

        @Override
        public void alertRecords(DataStream<AlertRecord> s) {
            s.sinkTo(records).name("records").uid("test-records");
        }

        @Override
        public void deliveryAttempts(DataStream<DeliveryAttemptRecord> s) {
            s.sinkTo(attempts).name("attempts").uid("test-attempts");
        }

        @Override
        public void deliveryDeadLetters(DataStream<DeadLetter> s) {
            s.sinkTo(deliveryDeadLetters).name("delivery dlq").uid("test-delivery-dlq");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> s) {
            s.sinkTo(deadLetters).name("dlq").uid("test-dlq");
        }

        @Override
        public DeliveryLedger deliveryLedger() {
            return ledger;
        }
    }

    private String secret(String name, String value) throws Exception {
        Path file = secrets.resolve(name);
        Files.writeString(file, value);
        return file.toString();
    }

    static RawRecord alert(
            String fingerprint,
            String status,
            String severity,
            long time,
            Map<String, String> labels)
            throws Exception {
        return alert(fingerprint, status, severity, time, labels, T0);
    }

    static RawRecord alert(
            String fingerprint,
            String status,
            String severity,
            long time,
            Map<String, String> labels,
            long startsAt)
            throws Exception {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("fingerprint", fingerprint);
        a.put("source", "METRICS");
        a.put("severity", severity);
        a.put("status", status);
        a.put("title", "error rate of " + fingerprint + " above its band");
        a.put("summary", "5xx ratio 12%, expected 0.4%");
        a.put("entity", "http_errors_ratio{service=\"" + fingerprint + "\"}");
        a.put("labels", labels);
        a.put("evidence", Map.of("score", "0.99"));
        a.put("value", 0.12);
        a.put("expected", 0.004);
        a.put("startsAt", startsAt);
        a.put("time", time);
        return new RawRecord(JSON.writeValueAsBytes(a), "guardian.alerts", 0, 0, time);
    }

    @Test
    void routesDeduplicatesGroupsDeliversAndRecords() throws Exception {
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.always("/broken", Answer.status(500));
            RouterConfig router =
                    RouterConfigParser.parse(
                            "dedup: {renotify_interval: 1h, auto_resolve_after: 30m}\n"
                                    + "receivers:\n"
                                    + "  - {name: pager, type: pagerduty, url_file: "
                                    + secret("pd", server.url("/pagerduty"))
                                    + ", routing_key_file: "
                                    + secret("key", "ROUTINGKEY-123456")
                                    + "}\n"
                                    + "  - {name: slack, type: slack, url_file: "
                                    + secret("slack", server.url("/slack"))
                                    + "}\n"
                                    + "  - {name: hook, type: webhook, url_file: "
                                    + secret("hook", server.url("/hook"))
                                    + "}\n"
                                    + "  - name: broken\n"
                                    + "    type: webhook\n"
                                    + "    url_file: "
                                    + secret("broken", server.url("/broken"))
                                    + "\n"
                                    + "    retry: {max_attempts: 2, initial_backoff: 10ms, max_backoff: 10ms}\n"
                                    + "routes:\n"
                                    + "  - {name: pages, match: {severity: CRITICAL}, receiver: pager, continue: true}\n"
                                    + "  - {name: legacy, match: {labels: {team: legacy}}, receiver: broken}\n"
                                    + "  - name: payments\n"
                                    + "    match: {labels: {team: payments}}\n"
                                    + "    receiver: slack\n"
                                    + "    group_by: [service]\n"
                                    + "    group_interval: 1m\n"
                                    + "  - {name: default, receiver: hook}\n"
                                    + "mutes:\n"
                                    + "  - {id: canary, match: {labels: {env: canary}}}\n");

            Map<String, String> db = Map.of("team", "payments", "service", "db");
            Map<String, String> api = Map.of("team", "payments", "service", "api");
            List<RawRecord> input = new ArrayList<>();
            input.add(alert("db", "FIRING", "CRITICAL", T0, db));
            for (int i = 1; i <= 3; i++) {
                input.add(alert("db", "FIRING", "CRITICAL", T0 + i * MINUTE, db));
            }
            input.add(alert("api-1", "FIRING", "ERROR", T0 + 10 * SECOND, api));
            input.add(alert("api-2", "FIRING", "ERROR", T0 + 20 * SECOND, api));
            input.add(alert("canary", "FIRING", "ERROR", T0, Map.of("env", "canary")));
            input.add(alert("legacy", "FIRING", "ERROR", T0, Map.of("team", "legacy")));
            input.add(alert("misc", "FIRING", "ERROR", T0, Map.of()));
            input.add(alert("db", "RESOLVED", "CRITICAL", T0 + 5 * MINUTE, db));
            input.add(
                    new RawRecord(
                            "{\"fingerprint\":".getBytes(StandardCharsets.UTF_8),
                            "guardian.alerts",
                            1,
                            7,
                            0));

            Configuration flink = new Configuration();
            flink.set(PipelineOptions.GENERIC_TYPES, false);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(flink);
            env.setParallelism(2);
            Configuration conf = new Configuration();
            conf.set(AlertRouterOptions.WALL_CLOCK_WATERMARK, false);
            Collecting sinks = new Collecting();
            AlertRouterJob.defineWorkflow(
                    conf,
                    router,
                    env.fromData(input, TypeInformation.of(RawRecord.class)).setParallelism(1),
                    env.fromData(
                                    List.of(
                                            RawRecord.of(
                                                    "{\"id\":\"noop\",\"match\":{\"labels\":{\"team\":\"nobody\"}}}"
                                                            .getBytes(StandardCharsets.UTF_8))),
                                    TypeInformation.of(RawRecord.class))
                            .setParallelism(1),
                    sinks);
            env.execute();

            // PagerDuty: one trigger and one resolve for the critical incident, keyed by its
            // fingerprint; the three repeats in between were deduplicated.
            List<JsonNode> pd = bodies(server, "/pagerduty");
            assertThat(pd)
                    .extracting(
                            e ->
                                    e.path("event_action").asText()
                                            + ":"
                                            + e.path("dedup_key").asText())
                    .containsExactly("trigger:db", "resolve:db");

            // Slack: one group per service; api's second member arrives as an update listing both.
            List<String> slack =
                    bodies(server, "/slack").stream()
                            .map(m -> m.path("blocks").get(0).path("text").path("text").asText())
                            .collect(Collectors.toList());
            assertThat(slack.stream().filter(t -> t.contains("of db")))
                    .containsExactly(
                            "🔴 CRITICAL error rate of db above its band",
                            "✅ RESOLVED error rate of db above its band");
            // (Decoding runs on two subtasks, so api-1 and api-2 may arrive in either order.)
            assertThat(slack.stream().filter(t -> t.contains("api")).collect(Collectors.toList()))
                    .first()
                    .asString()
                    .startsWith("🟠 ERROR error rate of api-");
            // A later notification of the api group lists both members. (The bounded input ends
            // with one jump of the watermark, so whether api-1 is still firing then varies.)
            assertThat(bodies(server, "/slack"))
                    .map(JsonNode::toString)
                    .anyMatch(
                            b ->
                                    b.contains("UPDATE ERROR [")
                                            && b.contains("service=api")
                                            && b.contains("error rate of api-1")
                                            && b.contains("error rate of api-2"));
            assertThat(slack).last().asString().startsWith("✅ RESOLVED").contains("api");

            // The default webhook: the uncategorised alert, and its auto-resolve at the end.
            assertThat(bodies(server, "/hook"))
                    .extracting(
                            h ->
                                    h.path("kind").asText()
                                            + ":"
                                            + h.path("alerts").get(0).path("fingerprint").asText())
                    .containsExactly("trigger:misc", "resolve:misc");

            // The broken receiver: two attempts per notification, then the dead-letter topic.
            assertThat(server.requests("/broken")).hasSize(4);
            assertThat(sinks.deliveryDeadLetters.received())
                    .extracting(DeadLetter::getStage)
                    .containsExactly("deliver:broken", "deliver:broken");

            // Every alert change is recorded with its decision, including the muted and repeats.
            Map<Decision, Long> decisions =
                    sinks.records.received().stream()
                            .collect(
                                    Collectors.groupingBy(
                                            r -> r.decision.decision, Collectors.counting()));
            assertThat(decisions)
                    .containsEntry(Decision.TRIGGER, 5L)
                    .containsEntry(Decision.DUPLICATE, 3L)
                    .containsEntry(Decision.MUTED, 1L)
                    .containsEntry(Decision.RESOLVE, 1L)
                    .containsEntry(Decision.AUTO_RESOLVE, 4L)
                    .containsEntry(Decision.RESOLVED_SILENTLY, 1L);
            AlertRecord first =
                    sinks.records.received().stream()
                            .filter(r -> r.decision.alert.fingerprint.equals("db"))
                            .filter(r -> r.decision.decision == Decision.TRIGGER)
                            .findFirst()
                            .orElseThrow();
            assertThat(first.routes).containsExactly("pages", "payments");
            assertThat(first.receivers).containsExactly("pager", "slack");

            // Every delivery attempt is recorded; the ledger holds what was delivered.
            List<DeliveryAttemptRecord> attempts = sinks.attempts.received();
            long delivered =
                    attempts.stream().filter(a -> a.status == DeliveryStatus.DELIVERED).count();
            assertThat(delivered).isEqualTo(server.requests().size() - 4);
            assertThat(attempts.stream().filter(a -> a.status == DeliveryStatus.FAILED)).hasSize(2);
            assertThat(sinks.ledger.delivered()).hasSize((int) delivered);

            assertThat(sinks.deadLetters.received()).hasSize(1);
            assertThat(sinks.deadLetters.received().get(0).getOffset()).isEqualTo(7);
        }
    }

    private static List<JsonNode> bodies(RecordingHttpServer server, String path) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (RecordingHttpServer.Request r : server.requests(path)) {
            out.add(JSON.readTree(r.body));
        }
        return out;
    }
}
