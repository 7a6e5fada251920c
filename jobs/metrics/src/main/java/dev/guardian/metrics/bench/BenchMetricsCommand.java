package dev.guardian.metrics.bench;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
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
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code guardian bench metrics}: throughput of the metrics job at parallelism 1 on a local mini
 * cluster reading a pre-filled topic, against a bare Kafka read-and-discard job in the same run.
 *
 * <p>"Per core" divides by the CPU time the JVM spent while the job ran, so a run on a busy machine
 * reports the work done per CPU-second rather than the wall clock it happened to get.
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
                + " [--with-sinks] (also run with the real ClickHouse and InfluxDB sinks, writing"
                + " to database guardian_bench)";
    }

    /** A discarding stand-in for the job's outputs. */
    static final class Discarding implements MetricsSinks {
        private static final long serialVersionUID = 1L;

        @Override
        public void points(DataStream<MetricSample> points) {
            points.sinkTo(new CountingDiscardSink<>()).name("discard points").uid("bench-points");
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

    record Result(String name, long events, double wallSeconds, double cpuSeconds) {
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
        args.rejectUnknown();

        String topic = "bench.metrics." + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("filling %s with %,d points over %,d series...%n", topic, events, series);
        BenchInput.fill(bootstrap, topic, 1, events, series);

        Result bare = measure("bare Kafka read + discard", bootstrap, topic, Mode.BARE, events);
        Result rollup =
                measure(
                        "decode + validate + rollup + anomalies",
                        bootstrap,
                        topic,
                        Mode.ROLLUP,
                        events);
        Result sinks = null;
        if (withSinks) {
            BenchDatabase.create();
            sinks =
                    measure(
                            "with ClickHouse + InfluxDB sinks",
                            bootstrap,
                            topic,
                            Mode.SINKS,
                            events);
        }

        System.out.println();
        System.out.printf(
                "%-36s %12s %14s %14s %10s%n",
                "job (parallelism 1)", "events", "events/s", "events/s/core", "vs bare");
        for (Result r :
                sinks == null ? new Result[] {bare, rollup} : new Result[] {bare, rollup, sinks}) {
            System.out.printf(
                    "%-36s %,12d %,14.0f %,14.0f %9.2fx%n",
                    r.name(), r.events(), r.perSecond(), r.perCore(), r.perCore() / bare.perCore());
        }
        return 0;
    }

    enum Mode {
        BARE,
        ROLLUP,
        SINKS
    }

    private Result measure(String name, String bootstrap, String topic, Mode mode, long events)
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
                    input.sinkTo(new CountingDiscardSink<>()).name("discard").uid("bench-discard");
            case ROLLUP -> MetricsJob.defineWorkflow(conf, input, new Discarding());
            case SINKS -> MetricsJob.defineWorkflow(conf, input, new ProductionMetricsSinks(conf));
        }
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        CountingDiscardSink.COUNT.set(0);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        env.execute("bench " + name);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        if (mode != Mode.SINKS && CountingDiscardSink.COUNT.get() < events) {
            throw new IllegalStateException(
                    name + " saw " + CountingDiscardSink.COUNT.get() + " of " + events + " events");
        }
        Result result = new Result(name, events, wall, cpu);
        System.out.printf(
                "  %-36s %6.1f s wall, %6.1f s CPU, %,.0f events/s/core%n",
                name, wall, cpu, result.perCore());
        return result;
    }
}
