package dev.guardian.alerts;

import static dev.guardian.alerts.testing.TestAlerts.MINUTE;
import static dev.guardian.alerts.testing.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures around delivery, on a mini cluster with a restart strategy: the job fails once, right
 * after a receiver accepted a notification (before any checkpoint recorded it), or right after an
 * alert was received (before it was delivered). The receivers must see each notification exactly
 * once. Without the delivery ledger the first case duplicates, which shows the test can fail.
 */
class AlertRouterRecoveryTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which failure injections already fired, by test run: each fails the job once. */
    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    @TempDir Path secrets;

    /** Throws the first time it sees a matching element, in the whole JVM. */
    static final class FailOnce<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final SerializablePredicate<T> when;

        FailOnce(String id, SerializablePredicate<T> when) {
            this.id = id;
            this.when = when;
        }

        @Override
        public T map(T value) {
            if (when.test(value) && FIRED.add(id)) {
                throw new IllegalStateException("injected failure " + id + " (test)");
            }
            return value;
        }
    }

    interface SerializablePredicate<T> extends java.io.Serializable {
        boolean test(T value);
    }

    /** Test sinks that fail the job once at the chosen point. */
    static final class FailingSinks implements AlertRouterSinks {
        final CollectingSink<AlertRecord> records = new CollectingSink<>();
        final CollectingSink<DeliveryAttemptRecord> attempts = new CollectingSink<>();
        final CollectingSink<DeadLetter> letters = new CollectingSink<>();
        final DeliveryLedger ledger;
        final String id = UUID.randomUUID().toString();
        final boolean afterDelivery;

        FailingSinks(DeliveryLedger ledger, boolean afterDelivery) {
            this.ledger = ledger;
            this.afterDelivery = afterDelivery;
        }

        @Override
        public void alertRecords(DataStream<AlertRecord> s) {
            DataStream<AlertRecord> in = s;
            if (!afterDelivery) {
                // Just received and decided, not yet delivered.
                in =
                        s.map(
                                        new FailOnce<AlertRecord>(
                                                id, r -> r.decision.decision == Decision.TRIGGER))
                                .name("fail once after receiving");
            }
            in.sinkTo(records).name("records");
        }

        @Override
        public void deliveryAttempts(DataStream<DeliveryAttemptRecord> s) {
            DataStream<DeliveryAttemptRecord> in = s;
            if (afterDelivery) {
                // The receiver said 200; no checkpoint has recorded it.
                in =
                        s.map(
                                        new FailOnce<DeliveryAttemptRecord>(
                                                id, a -> a.status == DeliveryStatus.DELIVERED))
                                .name("fail once after delivering");
            }
            in.sinkTo(attempts).name("attempts");
        }

        @Override
        public void deliveryDeadLetters(DataStream<DeadLetter> s) {
            s.sinkTo(letters).name("delivery dlq");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> s) {
            s.sinkTo(letters).name("dlq");
        }

        @Override
        public DeliveryLedger deliveryLedger() {
            return ledger;
        }
    }

    private String secret(String name, String value) throws Exception {
        Path file = secrets.resolve(name + UUID.randomUUID());
        Files.writeString(file, value);
        return file.toString();
    }

    private RecordingHttpServer run(FailingSinks sinks, Duration checkpoints) throws Exception {
        RecordingHttpServer server = new RecordingHttpServer();
        RouterConfig router =
                RouterConfigParser.parse(
                        "receivers:\n"
                                + "  - {name: pager, type: pagerduty, url_file: "
                                + secret("pd", server.url("/pagerduty"))
                                + ", routing_key_file: "
                                + secret("key", "KEY")
                                + "}\n"
                                + "  - {name: slack, type: slack, url_file: "
                                + secret("slack", server.url("/slack"))
                                + "}\n"
                                + "routes:\n"
                                + "  - {match: {severity: CRITICAL}, receiver: pager, continue: true}\n"
                                + "  - {receiver: slack}\n");
        List<RawRecord> input =
                List.of(
                        AlertRouterWorkflowTest.alert("db", "FIRING", "CRITICAL", T0, Map.of()),
                        AlertRouterWorkflowTest.alert(
                                "db", "FIRING", "CRITICAL", T0 + MINUTE, Map.of()),
                        AlertRouterWorkflowTest.alert("api", "FIRING", "ERROR", T0, Map.of()),
                        AlertRouterWorkflowTest.alert(
                                "db", "RESOLVED", "CRITICAL", T0 + 2 * MINUTE, Map.of()),
                        AlertRouterWorkflowTest.alert(
                                "api", "RESOLVED", "ERROR", T0 + 2 * MINUTE, Map.of()));
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        flink.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        if (checkpoints != null) {
            env.enableCheckpointing(checkpoints.toMillis());
        }
        Configuration conf = new Configuration();
        conf.set(AlertRouterOptions.WALL_CLOCK_WATERMARK, false);
        AlertRouterJob.defineWorkflow(
                conf,
                router,
                env.fromData(input, TypeInformation.of(RawRecord.class)),
                env.fromData(
                        List.of(
                                RawRecord.of(
                                        "{\"id\":\"n\",\"match\":{\"source\":\"BILLING\"}}"
                                                .getBytes(StandardCharsets.UTF_8))),
                        TypeInformation.of(RawRecord.class)),
                sinks);
        env.execute();
        assertThat(FIRED).as("the injected failure happened").contains(sinks.id);
        return server;
    }

    private static List<String> received(RecordingHttpServer server) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (RecordingHttpServer.Request r : server.requests()) {
            var body = JSON.readTree(r.body);
            out.add(
                    r.path.equals("/pagerduty")
                            ? "pd "
                                    + body.path("event_action").asText()
                                    + " "
                                    + body.path("dedup_key").asText()
                            : "slack "
                                    + body.path("blocks")
                                            .get(0)
                                            .path("text")
                                            .path("text")
                                            .asText());
        }
        return out.stream().sorted().collect(Collectors.toList());
    }

    private static final List<String> EXACTLY_ONCE =
            List.of(
                    "pd resolve db",
                    "pd trigger db",
                    "slack ✅ RESOLVED error rate of api above its band",
                    "slack ✅ RESOLVED error rate of db above its band",
                    "slack 🔴 CRITICAL error rate of db above its band",
                    "slack 🟠 ERROR error rate of api above its band");

    @Test
    void aFailureAfterDeliveringBeforeAnyCheckpointDeliversNothingTwice() throws Exception {
        FailingSinks sinks = new FailingSinks(new InMemoryDeliveryLedger(), true);
        try (RecordingHttpServer server = run(sinks, null)) {
            assertThat(received(server)).containsExactlyElementsOf(EXACTLY_ONCE);
            assertThat(sinks.attempts.received())
                    .extracting(a -> a.status)
                    .contains(DeliveryStatus.ALREADY_DELIVERED);
        }
    }

    @Test
    void withoutTheLedgerTheSameFailureDuplicates() throws Exception {
        FailingSinks sinks = new FailingSinks(DeliveryLedger.none(), true);
        try (RecordingHttpServer server = run(sinks, null)) {
            assertThat(received(server)).hasSizeGreaterThan(EXACTLY_ONCE.size());
        }
    }

    @Test
    void aFailureBetweenReceivingAndDeliveringLosesNothing() throws Exception {
        FailingSinks sinks = new FailingSinks(new InMemoryDeliveryLedger(), false);
        try (RecordingHttpServer server = run(sinks, Duration.ofMillis(100))) {
            assertThat(received(server)).containsExactlyElementsOf(EXACTLY_ONCE);
        }
    }
}
