package dev.guardian.metrics.bench;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordDeserializer;
import dev.guardian.common.kafka.RawRecordWatermarks;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.influxdb.InfluxDbOptions;
import dev.guardian.metrics.MetricRollup;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.MetricsJob;
import dev.guardian.metrics.MetricsJobOptions;
import dev.guardian.metrics.MetricsSinks;
import dev.guardian.metrics.ProductionMetricsSinks;
import dev.guardian.metrics.anomaly.AnomalyScore;
import dev.guardian.metrics.validate.MetricEventTime;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code guardian bench metrics}: throughput of the metrics job at parallelism 1 on a local mini
 * cluster reading a pre-filled topic, against a bare Kafka read-and-discard job in the same run.
 *
 * <p>"Per core" divides by the CPU time the JVM spent, so a run on a busy machine reports the work
 * done per CPU-second rather than the wall clock it happened to get. The headline figure is the
 * steady state ({@link SteadyStateMeter}: after a warm-up share of the events, so neither the mini
 * cluster's start nor the JIT's compiling counts); the whole run is printed beside it.
 */
public class BenchMetricsCommand implements Command {

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "metrics";
    }

    @Override
    public String summary() {
        return "metrics job throughput per core vs a bare Kafka read, on the local Kafka";
    }

    @Override
    public String usage() {
        return "[--events N (1000000)] [--series N (10000)] [--bootstrap HOST:PORT]"
                + " [--state-backend rocksdb|hashmap (rocksdb, as on the cluster)]"
                + " [--without-anomalies] (the rollup path only)"
                + " [--with-sinks] (also run with the real ClickHouse and InfluxDB sinks, writing"
                + " to database guardian_bench)";
    }

    /** A discarding stand-in for the job's outputs. */
    static final class Discarding implements MetricsSinks {
        private static final long serialVersionUID = 1L;

        @Override
        public void points(DataStream<MetricSample> points) {
            points.sinkTo(new MeteredDiscardSink<>()).name("discard points").uid("bench-points");
        }

        @Override
        public void rollups(DataStream<MetricRollup> rollups) {
            rollups.sinkTo(new CountingDiscardSink<>())
                    .name("discard rollups")
                    .uid("bench-rollups");
        }

        @Override
        public void anomalies(DataStream<Anomaly> anomalies) {
            anomalies
                    .sinkTo(new CountingDiscardSink<>())
                    .name("discard anomalies")
                    .uid("bench-anomalies");
        }

        @Override
        public void alerts(DataStream<Alert> alerts) {
            alerts.sinkTo(new CountingDiscardSink<>()).name("discard alerts").uid("bench-alerts");
        }

        @Override
        public void anomalyScores(DataStream<AnomalyScore> scores) {
            scores.sinkTo(new CountingDiscardSink<>())
                    .name("discard anomaly scores")
                    .uid("bench-anomaly-scores");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> deadLetters) {
            deadLetters.sinkTo(new CountingDiscardSink<>()).name("discard dlq").uid("bench-dlq");
        }
    }

    /** The real sinks, plus a discarding sink on the points that ticks the steady-state meter. */
    static final class Metered implements MetricsSinks {
        private static final long serialVersionUID = 1L;
        private final MetricsSinks sinks;

        Metered(MetricsSinks sinks) {
            this.sinks = sinks;
        }

        @Override
        public void points(DataStream<MetricSample> points) {
            sinks.points(points);
            points.sinkTo(new MeteredDiscardSink<>()).name("meter points").uid("bench-meter");
        }

        @Override
        public void rollups(DataStream<MetricRollup> rollups) {
            sinks.rollups(rollups);
        }

        @Override
        public void anomalies(DataStream<Anomaly> anomalies) {
            sinks.anomalies(anomalies);
        }

        @Override
        public void alerts(DataStream<Alert> alerts) {
            sinks.alerts(alerts);
        }

        @Override
        public void anomalyScores(DataStream<AnomalyScore> scores) {
            sinks.anomalyScores(scores);
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> deadLetters) {
            sinks.deadLetters(deadLetters);
        }
    }

    record Result(
            String name,
            long events,
            double wallSeconds,
            double cpuSeconds,
            SteadyStateMeter.Window steady) {
        double perCore() {
            return events / cpuSeconds;
        }

        double perSecond() {
            return events / wallSeconds;
        }
    }

    @Override
    public int run(Args args) throws Exception {
        long events = args.longValue("events", 1_000_000);
        int series = args.intValue("series", 10_000);
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        boolean withSinks = args.flag("with-sinks");
        boolean withoutAnomalies = args.flag("without-anomalies");
        String backend = args.string("state-backend", "rocksdb");
        args.rejectUnknown();
        if (!backend.equals("rocksdb") && !backend.equals("hashmap")) {
            throw new UsageException("--state-backend must be rocksdb or hashmap");
        }
        if (backend.equals("rocksdb") && !rocksDbOnClasspath()) {
            throw new UsageException(
                    "RocksDB is not on the class path (the launcher's has it, from jobs/cli):"
                            + " use --state-backend hashmap");
        }
        if (events < 100 || series < 1) {
            throw new UsageException("--events must be at least 100 and --series positive");
        }

        String topic = "bench.metrics." + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("filling %s with %,d points over %,d series...%n", topic, events, series);
        BenchInput.fill(bootstrap, topic, 1, events, series);

        List<Result> results = new ArrayList<>();
        results.add(
                measure("bare Kafka read + discard", bootstrap, topic, Mode.BARE, events, backend));
        results.add(
                measure(
                        "decode + validate + rollup",
                        bootstrap,
                        topic,
                        Mode.ROLLUP,
                        events,
                        backend));
        if (!withoutAnomalies) {
            results.add(
                    measure("+ anomaly detection", bootstrap, topic, Mode.JOB, events, backend));
        }
        if (withSinks) {
            BenchDatabase.create();
            results.add(
                    measure(
                            "with ClickHouse + InfluxDB sinks",
                            bootstrap,
                            topic,
                            Mode.SINKS,
                            events,
                            backend));
        }
        print(results, backend);
        return 0;
    }

    private static boolean rocksDbOnClasspath() {
        try {
            Class.forName(
                    "org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend",
                    false,
                    BenchMetricsCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void print(List<Result> results, String backend) {
        Result bare = results.get(0);
        System.out.println();
        System.out.printf(
                "state backend %s%s; checkpoints every %d s to files; object reuse on%n",
                backend,
                backend.equals("rocksdb") ? " (as on the cluster)" : " (heap, not the cluster's)",
                MetricsJobOptions.CHECKPOINT_INTERVAL.defaultValue().toSeconds());
        System.out.printf(
                "events/s/core: process CPU from %.0f%% to %.0f%% of the events (steady state);"
                        + " whole run: submission to end, mini cluster start and JIT included%n",
                SteadyStateMeter.WARM_UP_SHARE * 100, SteadyStateMeter.END_SHARE * 100);
        System.out.printf(
                "%-34s  %10s  %14s  %9s  %15s  %9s  %10s%n",
                "job (parallelism 1)",
                "events",
                "events/s/core",
                "vs bare",
                "whole run/core",
                "vs bare",
                "cores used");
        for (Result r : results) {
            SteadyStateMeter.Window w = r.steady();
            System.out.printf(
                    "%-34s  %,10d  %,14.0f  %8.2fx  %,15.0f  %8.2fx  %10.2f%n",
                    r.name(),
                    r.events(),
                    w.perCore(),
                    w.perCore() / bare.steady().perCore(),
                    r.perCore(),
                    r.perCore() / bare.perCore(),
                    w.cores());
        }
    }

    enum Mode {
        BARE,
        ROLLUP,
        JOB,
        SINKS
    }

    private Result measure(
            String name, String bootstrap, String topic, Mode mode, long events, String backend)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
        if (mode == Mode.SINKS) {
            conf.set(ClickHouseOptions.DATABASE, BenchDatabase.NAME);
            conf.set(InfluxDbOptions.DATABASE, BenchDatabase.NAME);
            conf.set(MetricsJobOptions.ANOMALIES_TOPIC, topic + ".anomalies");
            conf.set(MetricsJobOptions.ALERTS_TOPIC, topic + ".alerts");
            conf.set(MetricsJobOptions.ANOMALIES_INDEX, "guardian-bench-anomalies");
        }
        Configuration cluster = new Configuration();
        // checkpoints go to files, as on a real cluster: the JobManager-memory default caps state
        // at 5 MB
        cluster.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                java.nio.file.Path.of(".local", "bench", "checkpoints")
                        .toAbsolutePath()
                        .toUri()
                        .toString());
        cluster.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        // the cluster's state backend and checkpoint mode (infra/flink/config.yaml)
        cluster.set(StateBackendOptions.STATE_BACKEND, backend);
        cluster.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, cluster);
        MetricsJob.configure(env, conf);
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(topic)
                        .setGroupId("bench-" + UUID.randomUUID())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(
                                mode == Mode.BARE
                                        ? new RawRecordDeserializer()
                                        : new RawRecordDeserializer(new MetricEventTime(conf)))
                        .build();
        DataStream<RawRecord> input =
                env.fromSource(
                                source,
                                mode == Mode.BARE
                                        ? WatermarkStrategy.noWatermarks()
                                        : RawRecordWatermarks.strategy(
                                                conf.get(MetricsJobOptions.OUT_OF_ORDERNESS),
                                                conf.get(MetricsJobOptions.IDLENESS)),
                                "Kafka " + topic)
                        .uid("bench-source");
        switch (mode) {
            case BARE ->
                    input.sinkTo(new MeteredDiscardSink<>()).name("discard").uid("bench-discard");
            case ROLLUP -> MetricsJob.decodeAndRollUp(conf, input, new Discarding());
            case JOB -> MetricsJob.defineWorkflow(conf, input, new Discarding());
            case SINKS ->
                    MetricsJob.defineWorkflow(
                            conf, input, new Metered(new ProductionMetricsSinks(conf)));
        }
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        SteadyStateMeter.reset(events);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        env.execute("bench " + name);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        SteadyStateMeter.Window steady = SteadyStateMeter.window();
        if (SteadyStateMeter.count() < events || steady == null) {
            throw new IllegalStateException(
                    name + " saw " + SteadyStateMeter.count() + " of " + events + " events");
        }
        Result result = new Result(name, events, wall, cpu, steady);
        System.out.printf(
                "  %s: %.1f s wall, %.1f s CPU; steady state %.1f s wall, %.1f s CPU%n",
                name, wall, cpu, steady.wallSeconds(), steady.cpuSeconds());
        return result;
    }
}
