package dev.guardian.alerts.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.AlertRouterJob;
import dev.guardian.alerts.AlertRouterOptions;
import dev.guardian.alerts.ProductionAlertRouterSinks;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordDeserializer;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.GuardianAvroTrust;
import dev.guardian.schemas.Source;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code guardian bench alerts}: the router's latency from an alert appended to Kafka to its
 * notification received by a local receiver, at a given rate of new incidents, with the real
 * outputs (ClickHouse, Elasticsearch, the delivery ledger) of the local stack. The router runs in a
 * local Flink in this process; the topic is created and deleted. Timing starts once a warm-up alert
 * has come through, so the job's start-up is not counted. A measurement, not a test.
 */
public class BenchAlertsCommand implements Command {

    /** Above this the producer's pacing, not the router, would be measured. */
    static final double MAX_RATE = 5_000;

    private static final String WARM_UP = "bench-warm-up";
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final RecordCodec<Alert> CODEC = RecordCodec.of(Alert.class);

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "alerts";
    }

    @Override
    public String summary() {
        return "alert appended to Kafka → notification received latency (p50/p99) of the router"
                + " with its real outputs on the local stack";
    }

    @Override
    public String usage() {
        return "[--rate N (20 new incidents/s)] [--duration D (60s)] [--outputs local|none]"
                + " [--bootstrap HOST:PORT]";
    }

    @Override
    public int run(Args args) throws Exception {
        double rate = args.doubleValue("rate", 20);
        Duration duration = args.duration("duration", Duration.ofSeconds(60));
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        // none: records discarded and no ledger, to tell the router's own cost from its outputs'
        String outputsName = args.string("outputs", "local");
        args.rejectUnknown();
        if (!outputsName.equals("local") && !outputsName.equals("none")) {
            throw new UsageException("--outputs must be local or none, got '" + outputsName + "'");
        }
        boolean outputs = outputsName.equals("local");
        if (!(rate > 0) || rate > MAX_RATE) {
            throw new UsageException("--rate must be above 0 and at most " + MAX_RATE + " per s");
        }
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        if (count < 1) {
            throw new UsageException("--rate × --duration must make at least one incident");
        }
        GuardianAvroTrust.install();
        String topic = "bench.alerts." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                LocalAlertReceiver receiver =
                        new LocalAlertReceiver(
                                "127.0.0.1",
                                0,
                                new PrintStream(OutputStream.nullOutputStream()),
                                null,
                                0,
                                503)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            try {
                RouterConfig router =
                        EvalAlertsCommand.pointedAt(
                                RouterConfigParser.parse(
                                        "receivers: [{name: webhook, type: webhook, url_env: UNUSED}]\n"
                                                + "routes: [{receiver: webhook}]\n"),
                                "http://127.0.0.1:" + receiver.port());
                Configuration conf = new Configuration();
                conf.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
                conf.set(AlertRouterOptions.INPUT_TOPIC, topic);
                StreamExecutionEnvironment env =
                        StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
                env.enableCheckpointing(10_000);
                AlertRouterJob.defineWorkflow(
                        conf,
                        router,
                        env.fromSource(
                                KafkaSource.<RawRecord>builder()
                                        .setBootstrapServers(bootstrap)
                                        .setTopics(topic)
                                        .setGroupId("bench-" + topic)
                                        .setStartingOffsets(OffsetsInitializer.earliest())
                                        .setDeserializer(new RawRecordDeserializer())
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka " + topic),
                        env.fromData(
                                        List.of(
                                                RawRecord.of(
                                                        "{\"id\":\"bench\",\"match\":{\"labels\":{\"bench\":\"none\"}}}"
                                                                .getBytes(StandardCharsets.UTF_8))),
                                        TypeInformation.of(RawRecord.class))
                                .setParallelism(1),
                        outputs
                                ? new ProductionAlertRouterSinks(conf)
                                : new EvalAlertsCommand.Collecting());
                JobClient job = env.executeAsync("guardian bench alerts");
                try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
                    // measured from a router known to deliver, not from one still starting
                    send(producer, topic, WARM_UP, -1);
                    producer.flush();
                    if (!awaitReceived(receiver, 1)) {
                        throw new IllegalStateException(
                                "the router delivered nothing within "
                                        + WAIT.toSeconds()
                                        + " s: is Kafka at "
                                        + bootstrap
                                        + " (and with --outputs local the local stack) up?");
                    }
                    produce(producer, topic, rate, count);
                    awaitReceived(receiver, count + 1);
                    report(receiver.received(), count, rate);
                } finally {
                    job.cancel().get();
                }
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
        return 0;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", "0");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Waits until {@code count} notifications arrived or {@link #WAIT} passed; true if they did.
     */
    private static boolean awaitReceived(LocalAlertReceiver receiver, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (receiver.received().size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** {@code count} new incidents, each at its due time for {@code rate} per second. */
    private static void produce(
            KafkaProducer<byte[], byte[]> producer, String topic, double rate, int count)
            throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(producer, topic, "bench-" + i, i);
        }
        producer.flush();
    }

    /** A new firing incident stamped now: the time its notification's latency is counted from. */
    private static void send(
            KafkaProducer<byte[], byte[]> producer, String topic, String fingerprint, int i) {
        Instant now = Instant.now();
        Alert alert =
                Alert.newBuilder()
                        .setFingerprint(fingerprint)
                        .setSource(Source.METRICS)
                        .setSeverity(AlertSeverity.ERROR)
                        .setStatus(AlertStatus.FIRING)
                        .setTitle("bench incident " + i)
                        .setSummary("bench")
                        .setEntity("bench{i=\"" + i + "\"}")
                        .setStartsAt(now)
                        .setTime(now)
                        .build();
        producer.send(
                new ProducerRecord<>(
                        topic, fingerprint.getBytes(StandardCharsets.UTF_8), CODEC.encode(alert)));
    }

    private static void report(List<ObjectNode> received, int sent, double rate) {
        List<Long> latencies = new ArrayList<>();
        for (ObjectNode r : received) {
            if (r.path("body").path("dedup_key").asText().equals(WARM_UP)) {
                continue;
            }
            long at = Instant.parse(r.path("received_at").asText()).toEpochMilli();
            long time = Instant.parse(r.path("body").path("time").asText()).toEpochMilli();
            latencies.add(at - time);
        }
        Collections.sort(latencies);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(
                "router latency, alert appended → notification received, %.0f new incidents/s:"
                        + " %d of %d received%n",
                rate, latencies.size(), sent);
        if (!latencies.isEmpty()) {
            System.out.printf(
                    "  p50 %d ms   p90 %d ms   p99 %d ms   max %d ms   (system load average %.1f on %d cores)%n",
                    q(latencies, 0.5),
                    q(latencies, 0.9),
                    q(latencies, 0.99),
                    latencies.get(latencies.size() - 1),
                    load,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static long q(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }
}
