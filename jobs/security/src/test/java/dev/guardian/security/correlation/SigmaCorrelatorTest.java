package dev.guardian.security.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.security.rules.RuleBook;
import dev.guardian.security.rules.RuleUpdate;
import dev.guardian.security.sigma.SigmaEngine;
import dev.guardian.security.sigma.SigmaEvent;
import dev.guardian.security.sigma.SigmaRule;
import dev.guardian.security.sigma.SigmaRuleLoader;
import dev.guardian.security.sigma.SigmaRuleSet;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Sigma correlation rules in keyed state: output, state entries and timers, snapshot/restore. */
class SigmaCorrelatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_714_557_600_000L; // 2024-05-01T10:00:00Z
    private static final long MINUTE = 60_000L;

    private static final String BASE_RULES =
            "title: Failed console login\n"
                    + "id: failed-login\n"
                    + "name: failed_login\n"
                    + "detection:\n"
                    + "  s:\n"
                    + "    eventName: ConsoleLogin\n"
                    + "    responseElements.ConsoleLogin: Failure\n"
                    + "  condition: s\n"
                    + "---\n"
                    + "title: Successful console login\n"
                    + "id: good-login\n"
                    + "name: successful_login\n"
                    + "detection:\n"
                    + "  s:\n"
                    + "    eventName: ConsoleLogin\n"
                    + "    responseElements.ConsoleLogin: Success\n"
                    + "  condition: s\n"
                    + "---\n"
                    + "title: Root API call\n"
                    + "id: root-call\n"
                    + "name: root_call\n"
                    + "detection:\n"
                    + "  s:\n"
                    + "    userIdentity.type: Root\n"
                    + "  condition: s\n";

    /** Rules, the engine and router over them, and a harness around the correlator. */
    private static final class Fixture implements AutoCloseable {
        final SigmaEngine engine;
        final CorrelationRouter router;
        final SigmaCorrelator correlator;
        KeyedBroadcastOperatorTestHarness<String, CorrelationInput, RuleUpdate, CorrelationResult>
                harness;

        Fixture(String correlations) throws Exception {
            Map<String, String> sources =
                    Map.of("base.yml", BASE_RULES, "correlations.yml", correlations);
            SigmaRuleSet set = new SigmaRuleLoader().parse(sources);
            assertThat(set.problems()).isEmpty();
            engine = SigmaEngine.of(set.rules());
            router = new CorrelationRouter(set.correlations());
            correlator = new SigmaCorrelator(sources);
            harness = open(null);
        }

        KeyedBroadcastOperatorTestHarness<String, CorrelationInput, RuleUpdate, CorrelationResult>
                open(OperatorSubtaskState restore) throws Exception {
            KeyedBroadcastOperatorTestHarness<
                            String, CorrelationInput, RuleUpdate, CorrelationResult>
                    h =
                            new KeyedBroadcastOperatorTestHarness<>(
                                    new CoBroadcastWithKeyedOperator<>(
                                            correlator, List.of(RuleBook.STATE)),
                                    CorrelationInput::getKey,
                                    Types.STRING,
                                    1,
                                    1,
                                    0);
            h.setup(
                    TypeInformation.of(CorrelationResult.class)
                            .createSerializer(new SerializerConfigImpl()));
            if (restore != null) {
                h.initializeState(restore);
            }
            h.open();
            // as RuleBook.watermarks() does in the job: the rules side never holds time back
            h.processBroadcastWatermark(Long.MAX_VALUE);
            return h;
        }

        void event(long time, String user, String ip, String consoleLogin, String type)
                throws Exception {
            ObjectNode e = JSON.createObjectNode();
            e.put("eventName", consoleLogin == null ? "ListBuckets" : "ConsoleLogin");
            e.put("eventID", user + "-" + time);
            e.put("sourceIPAddress", ip);
            ObjectNode identity = e.putObject("userIdentity");
            identity.put("type", type);
            identity.put("arn", "arn:aws:iam::111122223333:user/" + user);
            if (consoleLogin != null) {
                e.putObject("responseElements").put("ConsoleLogin", consoleLogin);
            }
            SigmaEvent event = SigmaEvent.of(e);
            for (SigmaRule rule : engine.match(event)) {
                for (CorrelationInput input :
                        router.route(
                                rule.id(), rule.name(), event, time, e.get("eventID").asText())) {
                    harness.processElement(new StreamRecord<>(input, time));
                }
            }
        }

        void failure(long time, String user, String ip) throws Exception {
            event(time, user, ip, "Failure", "IAMUser");
        }

        void success(long time, String user) throws Exception {
            event(time, user, "203.0.113.1", "Success", "IAMUser");
        }

        /** Keyed state entries (the broadcast harness does not count them itself). */
        int keyedStateEntries() {
            AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) harness.getOperator();
            return ((HeapKeyedStateBackend<?>) operator.getKeyedStateBackend())
                    .numKeyValueStateEntries();
        }

        void watermark(long time) throws Exception {
            harness.processWatermark(new Watermark(time));
        }

        List<CorrelationResult> results() {
            return harness.extractOutputValues();
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    private static final String MANY_FAILURES =
            "title: Many failed console logins\n"
                    + "id: many-failures\n"
                    + "name: many_failures\n"
                    + "correlation:\n"
                    + "  type: event_count\n"
                    + "  rules: [failed_login]\n"
                    + "  group-by: [userIdentity.arn]\n"
                    + "  timespan: 10m\n"
                    + "  condition:\n"
                    + "    gte: 3\n"
                    + "level: medium\n";

    @Test
    void eventCountFiresOncePerBurstAndForgetsAfterTheWindow() throws Exception {
        try (Fixture f = new Fixture(MANY_FAILURES)) {
            f.failure(T0, "alice", "198.51.100.1");
            f.failure(T0 + MINUTE, "alice", "198.51.100.1");
            f.failure(T0 + MINUTE, "bob", "198.51.100.2");
            assertThat(f.results()).isEmpty();
            assertThat(f.keyedStateEntries()).isEqualTo(4); // map + timer, per user
            assertThat(f.harness.numEventTimeTimers()).isEqualTo(2);

            f.failure(T0 + 2 * MINUTE, "alice", "198.51.100.1");
            assertThat(f.results())
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.correlationId).isEqualTo("many-failures");
                                assertThat(r.key)
                                        .isEqualTo(
                                                "{\"userIdentity.arn\":\"arn:aws:iam::111122223333:user/alice\"}");
                                assertThat(r.count).isEqualTo(3);
                                assertThat(r.firstTimestamp).isEqualTo(T0);
                                assertThat(r.lastTimestamp).isEqualTo(T0 + 2 * MINUTE);
                                assertThat(r.eventIds).hasSize(3);
                                assertThat(r.level).isEqualTo("medium");
                            });
            // alice's state was cleared when it fired: only bob's remains
            assertThat(f.keyedStateEntries()).isEqualTo(2);
            assertThat(f.harness.numEventTimeTimers()).isEqualTo(1);

            f.failure(T0 + 3 * MINUTE, "alice", "198.51.100.1");
            assertThat(f.results()).hasSize(1);

            f.watermark(T0 + 30 * MINUTE);
            assertThat(f.keyedStateEntries()).isZero();
            assertThat(f.harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void theWindowSlides() throws Exception {
        try (Fixture f = new Fixture(MANY_FAILURES)) {
            f.failure(T0, "alice", "198.51.100.1");
            f.failure(T0 + 6 * MINUTE, "alice", "198.51.100.1");
            f.watermark(T0 + 11 * MINUTE); // the first failure leaves the window
            f.failure(T0 + 12 * MINUTE, "alice", "198.51.100.1");
            assertThat(f.results()).isEmpty();

            f.failure(T0 + 13 * MINUTE, "alice", "198.51.100.1");
            assertThat(f.results())
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.count).isEqualTo(3);
                                assertThat(r.firstTimestamp).isEqualTo(T0 + 6 * MINUTE);
                            });
        }
    }

    @Test
    void valueCountCountsDistinctValues() throws Exception {
        String rule =
                "title: Password spraying from many addresses\n"
                        + "id: many-ips\n"
                        + "correlation:\n"
                        + "  type: value_count\n"
                        + "  rules: [failed-login]\n"
                        + "  group-by: [userIdentity.arn]\n"
                        + "  timespan: 1h\n"
                        + "  condition:\n"
                        + "    field: sourceIPAddress\n"
                        + "    gte: 3\n";
        try (Fixture f = new Fixture(rule)) {
            f.failure(T0, "alice", "198.51.100.1");
            f.failure(T0 + MINUTE, "alice", "198.51.100.1");
            f.failure(T0 + 2 * MINUTE, "alice", "198.51.100.2");
            assertThat(f.results()).isEmpty();
            f.failure(T0 + 3 * MINUTE, "alice", "198.51.100.3");
            assertThat(f.results())
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.type).isEqualTo("value_count");
                                assertThat(r.count).isEqualTo(3);
                            });
        }
    }

    @Test
    void orderedChainFailuresThenSuccess() throws Exception {
        String chain =
                MANY_FAILURES
                        + "---\n"
                        + "title: Brute force then success\n"
                        + "id: brute-force-success\n"
                        + "correlation:\n"
                        + "  type: temporal_ordered\n"
                        + "  rules: [many_failures, successful_login]\n"
                        + "  group-by: [userIdentity.arn]\n"
                        + "  timespan: 15m\n"
                        + "level: high\n";
        try (Fixture f = new Fixture(chain)) {
            f.success(T0, "alice"); // a success before the failures does not count
            for (int i = 1; i <= 3; i++) {
                f.failure(T0 + i * MINUTE, "alice", "198.51.100.1");
            }
            assertThat(f.results())
                    .extracting(r -> r.correlationId)
                    .containsExactly("many-failures");

            f.success(T0 + 5 * MINUTE, "alice");
            assertThat(f.results())
                    .extracting(r -> r.correlationId)
                    .containsExactly("many-failures", "brute-force-success");
            CorrelationResult chained = f.results().get(1);
            assertThat(chained.level).isEqualTo("high");
            assertThat(chained.count).isEqualTo(2);
        }
    }

    @Test
    void temporalNeedsEveryRuleWithinTheTimespan() throws Exception {
        String rule =
                "title: Root used right after a failed login\n"
                        + "id: root-after-failure\n"
                        + "correlation:\n"
                        + "  type: temporal\n"
                        + "  rules: [root_call, failed_login]\n"
                        + "  group-by: [sourceIPAddress]\n"
                        + "  timespan: 5m\n";
        try (Fixture f = new Fixture(rule)) {
            f.event(T0, "root", "198.51.100.9", null, "Root");
            f.failure(T0 + 6 * MINUTE, "alice", "198.51.100.9");
            assertThat(f.results()).isEmpty();
            f.event(T0 + 7 * MINUTE, "root", "198.51.100.9", null, "Root");
            assertThat(f.results())
                    .singleElement()
                    .satisfies(r -> assertThat(r.key).contains("198.51.100.9"));
        }
    }

    @Test
    void upperBoundsAreJudgedWhenTheWindowCloses() throws Exception {
        String rule =
                "title: A single root call in an hour\n"
                        + "id: lone-root\n"
                        + "correlation:\n"
                        + "  type: event_count\n"
                        + "  rules: [root_call]\n"
                        + "  group-by: [userIdentity.type]\n"
                        + "  timespan: 1h\n"
                        + "  condition:\n"
                        + "    lt: 2\n";
        try (Fixture f = new Fixture(rule)) {
            f.event(T0, "root", "198.51.100.9", null, "Root");
            assertThat(f.results()).isEmpty();
            assertThat(f.harness.numEventTimeTimers()).isEqualTo(1);
            f.watermark(T0 + 60 * MINUTE);
            assertThat(f.results())
                    .singleElement()
                    .satisfies(r -> assertThat(r.count).isEqualTo(1));
            assertThat(f.keyedStateEntries()).isZero();

            f.event(T0 + 61 * MINUTE, "root", "198.51.100.9", null, "Root");
            f.event(T0 + 62 * MINUTE, "root", "198.51.100.9", null, "Root");
            f.watermark(T0 + 122 * MINUTE);
            assertThat(f.results()).hasSize(1);
        }
    }

    @Test
    void ruleUpdatesKeepTheStateOfCorrelationsThatStay() throws Exception {
        try (Fixture f = new Fixture(MANY_FAILURES)) {
            f.failure(T0, "alice", "198.51.100.1");
            f.failure(T0 + MINUTE, "alice", "198.51.100.1");
            f.harness.processBroadcastElement(
                    new RuleUpdate(
                            "spraying.yml",
                            "title: Spraying\nid: spraying\ncorrelation:\n  type: value_count\n"
                                    + "  rules: [failed_login]\n  group-by: [userIdentity.arn]\n"
                                    + "  timespan: 1h\n  condition:\n    field: sourceIPAddress\n"
                                    + "    gte: 2\n"),
                    T0 + MINUTE);
            // the router that feeds the correlator learns the new rule in the job the same way
            f.failure(T0 + 2 * MINUTE, "alice", "198.51.100.1");
            assertThat(f.results())
                    .extracting(r -> r.correlationId)
                    .as("the event_count state from before the update still counts")
                    .containsExactly("many-failures");

            f.harness.processBroadcastElement(
                    RuleUpdate.removal("correlations.yml"), T0 + 3 * MINUTE);
            for (int i = 3; i < 6; i++) {
                f.failure(T0 + i * MINUTE, "alice", "198.51.100.1");
            }
            assertThat(f.results()).hasSize(1);
        }
    }

    @Test
    void stateSurvivesSnapshotAndRestore() throws Exception {
        try (Fixture f = new Fixture(MANY_FAILURES)) {
            f.failure(T0, "alice", "198.51.100.1");
            f.failure(T0 + MINUTE, "alice", "198.51.100.1");
            OperatorSubtaskState snapshot = f.harness.snapshot(1L, T0 + MINUTE);
            f.harness.close();

            f.harness = f.open(snapshot);
            assertThat(f.keyedStateEntries()).isEqualTo(2);
            assertThat(f.harness.numEventTimeTimers()).isEqualTo(1);
            f.failure(T0 + 2 * MINUTE, "alice", "198.51.100.1");
            assertThat(f.results())
                    .singleElement()
                    .satisfies(r -> assertThat(r.count).isEqualTo(3));
        }
    }
}
