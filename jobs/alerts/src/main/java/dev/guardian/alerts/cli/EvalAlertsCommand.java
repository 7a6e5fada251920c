package dev.guardian.alerts.cli;

import dev.guardian.alerts.AlertRouterJob;
import dev.guardian.alerts.AlertRouterOptions;
import dev.guardian.alerts.AlertRouterSinks;
import dev.guardian.alerts.config.ReceiverConfig;
import dev.guardian.alerts.config.ReceiverType;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.config.SecretRef;
import dev.guardian.alerts.deliver.DeliveryLedger;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.Decision;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordDeserializer;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.schemas.DeadLetter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code guardian eval alerts}: runs the router over what is on {@code guardian.alerts} now (read
 * to its end, in event time, in a local Flink) with the given rules, every receiver pointed at an
 * in-process local receiver, and prints raw alert changes in against notifications out: the alert
 * volume reduction of those rules on that traffic.
 */
public class EvalAlertsCommand implements Command {

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "alerts";
    }

    @Override
    public String summary() {
        return "alert volume reduction: the router's rules over the alerts on Kafka, changes in vs"
                + " notifications out per receiver";
    }

    @Override
    public String usage() {
        return "[--config ROUTER.yaml (the local demo rules)] [--topic guardian.alerts]"
                + " [--bootstrap 127.0.0.1:9092] [--parallelism 2]";
    }

    @Override
    public int run(Args args) throws Exception {
        String configFile = args.string("config").orElse(null);
        String topic = args.string("topic", AlertRouterOptions.INPUT_TOPIC.defaultValue());
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        int parallelism = args.intValue("parallelism", 2);
        args.rejectUnknown();
        RouterConfig rules;
        if (configFile == null) {
            try (InputStream in =
                    EvalAlertsCommand.class.getResourceAsStream(
                            "/dev/guardian/alerts/local-router.yaml")) {
                rules =
                        RouterConfigParser.parse(
                                new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } else {
            rules = RouterConfigParser.parseFile(Path.of(configFile));
        }

        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LocalAlertReceiver receiver =
                new LocalAlertReceiver("127.0.0.1", 0, quiet, null, 0, 503)) {
            RouterConfig router = pointedAt(rules, "http://127.0.0.1:" + receiver.port());
            Collecting sinks = new Collecting();
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            parallelism, new Configuration());
            KafkaSource<RawRecord> source =
                    KafkaSource.<RawRecord>builder()
                            .setBootstrapServers(bootstrap)
                            .setTopics(topic)
                            .setGroupId("eval-alerts-" + UUID.randomUUID())
                            .setStartingOffsets(OffsetsInitializer.earliest())
                            .setBounded(OffsetsInitializer.latest())
                            .setDeserializer(new RawRecordDeserializer())
                            .setProperty("isolation.level", "read_committed")
                            .build();
            DataStream<RawRecord> alerts =
                    env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka " + topic);
            DataStream<RawRecord> mutes =
                    env.fromData(
                                    List.of(
                                            RawRecord.of(
                                                    "{\"id\":\"eval-none\",\"match\":{\"labels\":{\"guardian-eval\":\"none\"}}}"
                                                            .getBytes(StandardCharsets.UTF_8))),
                                    TypeInformation.of(RawRecord.class))
                            .setParallelism(1);
            Configuration conf = new Configuration();
            // In event time only: the alerts are decided as they happened, however old.
            conf.set(AlertRouterOptions.WALL_CLOCK_WATERMARK, false);
            AlertRouterJob.defineWorkflow(conf, router, alerts, mutes, sinks);
            env.execute("guardian eval alerts");
            report(sinks, receiver.summary());
        }
        return 0;
    }

    /** The same rules with every receiver sending to the local receiver. */
    static RouterConfig pointedAt(RouterConfig rules, String base) {
        Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
        for (ReceiverConfig r : rules.receivers.values()) {
            String path =
                    r.type == ReceiverType.PAGERDUTY
                            ? "/pagerduty"
                            : r.type == ReceiverType.SLACK ? "/slack/eval" : "/webhook/" + r.name;
            receivers.put(
                    r.name,
                    new ReceiverConfig(
                            r.name,
                            r.type,
                            SecretRef.plain(base + path),
                            r.type == ReceiverType.PAGERDUTY ? SecretRef.plain("eval") : null,
                            null,
                            r.rateLimit,
                            r.retry,
                            r.timeout));
        }
        return new RouterConfig(
                rules.renotifyInterval,
                rules.autoResolveAfter,
                rules.resolvedMemory,
                rules.resolveDelay,
                receivers,
                rules.routes,
                rules.mutes,
                rules.maintenanceWindows,
                rules.links);
    }

    private static void report(Collecting sinks, Map<String, Integer> received) {
        List<AlertRecord> records = sinks.records.received();
        Map<Decision, Integer> decisions = new TreeMap<>();
        for (AlertRecord r : records) {
            decisions.merge(r.decision.decision, 1, Integer::sum);
        }
        // Changes the router made itself: auto-resolves, and held resolves released after the
        // resolve delay (recorded a second time, as RESOLVE, with the same alert).
        java.util.Set<String> held = new java.util.HashSet<>();
        for (AlertRecord r : records) {
            if (r.decision.decision == Decision.RESOLVING) {
                held.add(key(r));
            }
        }
        int released = 0;
        for (AlertRecord r : records) {
            if (r.decision.decision == Decision.RESOLVE && held.contains(key(r))) {
                released++;
            }
        }
        int made = decisions.getOrDefault(Decision.AUTO_RESOLVE, 0);
        int in = records.size() - made - released;
        int out = received.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println(
                "alert changes in:       "
                        + in
                        + " (+"
                        + made
                        + " auto-resolves made by the router)");
        System.out.println("undecodable (dlq):      " + sinks.deadLetters.received().size());
        System.out.println("decisions:              " + decisions);
        System.out.println("notifications out:      " + out + "  " + received);
        System.out.printf(
                "volume reduction:       %.1fx (%d alert changes per %d notifications)%n",
                out == 0 ? 0.0 : (double) in / out, in, out);
        System.out.println(
                "failed deliveries:      " + sinks.deliveryDeadLetters.received().size());
    }

    private static String key(AlertRecord r) {
        return r.decision.alert.fingerprint
                + "|"
                + r.decision.alert.time
                + "|"
                + r.decision.alert.status
                + "|"
                + r.decision.alert.severity;
    }

    /** Collects the router's records in memory. */
    static final class Collecting implements AlertRouterSinks {
        private static final long serialVersionUID = 1L;
        final CollectingSink<AlertRecord> records = new CollectingSink<>();
        final CollectingSink<DeliveryAttemptRecord> attempts = new CollectingSink<>();
        final CollectingSink<DeadLetter> deliveryDeadLetters = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

        @Override
        public void alertRecords(DataStream<AlertRecord> s) {
            s.sinkTo(records).name("records");
        }

        @Override
        public void deliveryAttempts(DataStream<DeliveryAttemptRecord> s) {
            s.sinkTo(attempts).name("attempts");
        }

        @Override
        public void deliveryDeadLetters(DataStream<DeadLetter> s) {
            s.sinkTo(deliveryDeadLetters).name("delivery dead letters");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> s) {
            s.sinkTo(deadLetters).name("dead letters");
        }

        @Override
        public DeliveryLedger deliveryLedger() {
            return DeliveryLedger.none();
        }
    }
}
