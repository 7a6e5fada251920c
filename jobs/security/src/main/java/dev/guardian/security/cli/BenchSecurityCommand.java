package dev.guardian.security.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordDeserializer;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.SecurityEventTime;
import dev.guardian.security.SecurityJob;
import dev.guardian.security.SecurityJobOptions;
import dev.guardian.security.SecuritySinks;
import dev.guardian.security.rules.RuleDirectory;
import dev.guardian.security.rules.RuleUpdate;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code guardian bench security}: throughput of the whole security job at parallelism 1 with every
 * CloudTrail rule loaded (decode and normalize, Sigma rules and correlations, the four stateful
 * detectors, repeat suppression), on a local mini cluster reading a pre-filled topic, against a
 * bare Kafka read-and-discard job in the same run. Outputs are discarded: this measures the job,
 * not ClickHouse.
 *
 * <p>"Per core" divides by the CPU time the JVM spent while the job ran, so a run on a busy machine
 * reports the work done per CPU-second rather than the wall clock it happened to get; "per
 * task-core" by the CPU time of the job's task threads alone ({@link TaskCpuMeter}). The input is
 * {@code generate security}'s traffic (with the attack), keyed by principal, so the keyed state
 * grows with {@code --principals}; state lives in RocksDB with incremental checkpoints, as on the
 * cluster, unless {@code --state-backend hashmap}.
 */
public final class BenchSecurityCommand implements Command {

    private final PrintStream out;

    public BenchSecurityCommand() {
        this(System.out);
    }

    BenchSecurityCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "security";
    }

    @Override
    public String summary() {
        return "security job throughput per core (every rule loaded) vs a bare Kafka read";
    }

    @Override
    public String usage() {
        return "[--events N (300000)] [--principals N (300)] [--rules DIR (the CloudTrail set)]"
                + " [--state-backend rocksdb|hashmap (rocksdb, incremental, as the cluster)]"
                + " [--bootstrap HOST:PORT]";
    }

    /** A discarding stand-in for the job's outputs; events read are what is counted. */
    static final class Discarding implements SecuritySinks {
        private static final long serialVersionUID = 1L;

        @Override
        public void events(DataStream<SecurityEvent> events) {
            events.sinkTo(new CountingDiscardSink<>(true))
                    .name("discard events")
                    .uid("bench-events");
        }

        @Override
        public void detections(DataStream<Detection> detections) {
            detections
                    .sinkTo(new CountingDiscardSink<>(false))
                    .name("discard detections")
                    .uid("bench-detections");
        }

        @Override
        public void alerts(DataStream<Alert> alerts) {
            alerts.sinkTo(new CountingDiscardSink<>(false))
                    .name("discard alerts")
                    .uid("bench-alerts");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> deadLetters) {
            deadLetters
                    .sinkTo(new CountingDiscardSink<>(false))
                    .name("discard dlq")
                    .uid("bench-dlq");
        }
    }

    record Result(
            String name,
            long events,
            double wallSeconds,
            double cpuSeconds,
            double taskCpuSeconds) {
        double perCore() {
            return events / cpuSeconds;
        }

        double perTaskCore() {
            return events / taskCpuSeconds;
        }

        double perSecond() {
            return events / wallSeconds;
        }
    }

    @Override
    public int run(Args args) throws Exception {
        int events = args.intValue("events", 300_000);
        int principals = args.intValue("principals", 300);
        String backend = args.string("state-backend", "rocksdb");
        Path rulesDir =
                args.string("rules").isPresent()
                        ? args.existingPath("rules")
                        : SharedData.resolve("security/sigma-cloudtrail");
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        args.rejectUnknown();
        if (events < 1 || principals < 1) {
            throw new UsageException("--events and --principals must be positive");
        }
        if (!backend.equals("rocksdb") && !backend.equals("hashmap")) {
            throw new UsageException("--state-backend must be rocksdb or hashmap");
        }
        if (backend.equals("rocksdb")
                && !onClasspath("org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend")) {
            throw new UsageException(
                    "RocksDB is not on the launcher's class path: rebuild the launcher"
                            + " (./mvnw -pl jobs/cli package) or use --state-backend hashmap");
        }
        RuleDirectory.Loaded rules = RuleDirectory.load(rulesDir);
        out.println(rules.compiled().summary() + " from " + rulesDir);

        String topic = "bench.security." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        out.printf(
                "filling %s with %,d CloudTrail records of %d principals (generate security at"
                        + " 200/s, the attack injected)...%n",
                topic, events, principals);
        try (CloudTrailSender sender =
                CloudTrailSender.open(bootstrap, topic, "guardian-bench-security")) {
            SecurityTraffic traffic =
                    new SecurityTraffic(
                            42,
                            Instant.parse("2024-05-01T00:00:00Z"),
                            200,
                            principals,
                            EnumSet.allOf(SecurityTraffic.Incident.class),
                            Duration.ofMinutes(5),
                            8);
            for (int i = 0; i < events; i++) {
                SecurityTraffic.Timed t = traffic.next();
                sender.send(
                        t.key().getBytes(StandardCharsets.UTF_8),
                        t.record().toString().getBytes(StandardCharsets.UTF_8));
            }
            sender.flush();
        }
        try {
            Result bare =
                    measure("bare Kafka read + discard", bootstrap, topic, null, events, backend);
            Result job =
                    measure(
                            "security job, every rule",
                            bootstrap,
                            topic,
                            rules.sources(),
                            events,
                            backend);
            out.println();
            out.println(
                    "state backend "
                            + backend
                            + ", checkpoints every "
                            + SecurityJobOptions.CHECKPOINT_INTERVAL.defaultValue().toMillis()
                            + " ms");
            out.printf(
                    "%-30s %10s %12s %14s %9s %14s %9s%n",
                    "job (parallelism 1)",
                    "events",
                    "events/s",
                    "events/s/core",
                    "vs bare",
                    "per task-core",
                    "vs bare");
            for (Result r : new Result[] {bare, job}) {
                out.printf(
                        "%-30s %,10d %,12.0f %,14.0f %8.2fx %,14.0f %8.2fx%n",
                        r.name(),
                        r.events(),
                        r.perSecond(),
                        r.perCore(),
                        r.perCore() / bare.perCore(),
                        r.perTaskCore(),
                        r.perTaskCore() / bare.perTaskCore());
            }
            out.println(
                    "events/s/core: per CPU-second of the whole JVM (JIT, mini cluster included);"
                            + " per task-core: per CPU-second of the job's task threads");
        } finally {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
        return 0;
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, BenchSecurityCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private Result measure(
            String name,
            String bootstrap,
            String topic,
            Map<String, String> rules,
            long events,
            String backend)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
        Configuration cluster = new Configuration();
        // checkpoints go to files, as on a real cluster
        cluster.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Path.of(".local", "bench", "checkpoints").toAbsolutePath().toUri().toString());
        cluster.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        cluster.set(StateBackendOptions.STATE_BACKEND, backend);
        cluster.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, cluster);
        SecurityJob.configure(env, conf);
        boolean bare = rules == null;
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(topic)
                        .setGroupId("bench-" + UUID.randomUUID())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(
                                bare
                                        ? new RawRecordDeserializer()
                                        : new RawRecordDeserializer(
                                                new SecurityEventTime(
                                                        conf.get(
                                                                SecurityJobOptions
                                                                        .MAX_MESSAGE_BYTES),
                                                        conf.get(
                                                                SecurityJobOptions
                                                                        .MAX_FUTURE_SKEW))))
                        .build();
        DataStream<RawRecord> input =
                env.fromSource(
                                source,
                                bare
                                        ? WatermarkStrategy.noWatermarks()
                                        : RawRecordWatermarks.strategy(
                                                conf.get(SecurityJobOptions.OUT_OF_ORDERNESS),
                                                conf.get(SecurityJobOptions.IDLENESS)),
                                "Kafka " + topic)
                        .uid("bench-source");
        if (bare) {
            input.sinkTo(new CountingDiscardSink<>(true)).name("discard").uid("bench-discard");
        } else {
            SecurityJob.defineWorkflow(
                    conf,
                    input,
                    env.fromData(
                            List.of(RuleUpdate.removal("none.yml")),
                            TypeInformation.of(RuleUpdate.class)),
                    rules,
                    SecurityJobOptions.detectionSettings(conf),
                    new Discarding());
        }
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        CountingDiscardSink.COUNT.set(0);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        double taskCpu;
        try (TaskCpuMeter meter = new TaskCpuMeter()) {
            env.execute("bench " + name);
            taskCpu = meter.seconds();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        if (CountingDiscardSink.COUNT.get() < events) {
            throw new IllegalStateException(
                    name + " saw " + CountingDiscardSink.COUNT.get() + " of " + events + " events");
        }
        Result result = new Result(name, events, wall, cpu, taskCpu);
        out.printf(
                "  %-30s %6.1f s wall, %6.1f s CPU (%5.1f s in task threads)%n",
                name, wall, cpu, taskCpu);
        return result;
    }
}
