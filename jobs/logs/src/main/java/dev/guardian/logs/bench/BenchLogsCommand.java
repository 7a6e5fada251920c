package dev.guardian.logs.bench;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.kafka.RawRecordDeserializer;
import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogsJob;
import dev.guardian.logs.LogsJobOptions;
import dev.guardian.logs.LogsSinks;
import dev.guardian.logs.ProductionLogsSinks;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code guardian bench logs}: throughput of the logs job at parallelism 1 on a local mini cluster
 * reading a pre-filled topic (generated shop logs with an error burst), against a bare Kafka
 * read-and-discard job in the same run; with {@code --with-sinks} also end to end into
 * Elasticsearch (and ClickHouse, Kafka), checking that every line was indexed.
 *
 * <p>"Per core" divides by the CPU time the JVM spent while the job ran, so a run on a busy machine
 * reports the work done per CPU-second rather than the wall clock it happened to get; with sinks
 * the CPU of Elasticsearch and ClickHouse (other processes) is not counted, the wall clock is.
 */
public class BenchLogsCommand implements Command {

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "logs";
    }

    @Override
    public String summary() {
        return "logs job throughput per core vs a bare Kafka read, and end to end into Elasticsearch";
    }

    @Override
    public String usage() {
        return "[--events N (200000)] [--rate N (lines/s of event time: 200; the rules need 10 min before they judge)] [--encoding avro|json"
                + " (json)] [--bootstrap HOST:PORT] [--with-sinks] (also run with the real"
                + " Elasticsearch, ClickHouse and Kafka sinks into scratch outputs)";
    }

    /** A discarding stand-in for the job's outputs; the lines are what is counted. */
    static final class Discarding implements LogsSinks {
        private static final long serialVersionUID = 1L;

        @Override
        public void records(DataStream<LogRecord> records) {
            records.sinkTo(new CountingDiscardSink<>(true))
                    .name("discard lines")
                    .uid("bench-lines");
        }

        @Override
        public void templates(DataStream<TemplateEvent> templates) {
            templates
                    .sinkTo(new CountingDiscardSink<>(false))
                    .name("discard templates")
                    .uid("bench-templates");
        }

        @Override
        public void templateCounts(DataStream<TemplateCount> counts) {
            counts.sinkTo(new CountingDiscardSink<>(false))
                    .name("discard counts")
                    .uid("bench-counts");
        }

        @Override
        public void anomalies(DataStream<Anomaly> anomalies) {
            anomalies
                    .sinkTo(new CountingDiscardSink<>(false))
                    .name("discard anomalies")
                    .uid("bench-anomalies");
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

    record Result(String name, long events, double wallSeconds, double cpuSeconds) {
        double perCore() {
            return events / cpuSeconds;
        }

        double perSecond() {
            return events / wallSeconds;
        }
    }

    enum Mode {
        BARE,
        JOB,
        SINKS
    }

    @Override
    public int run(Args args) throws Exception {
        long events = args.longValue("events", 200_000);
        double rate = args.doubleValue("rate", 200);
        String encoding = args.string("encoding", "json");
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        boolean withSinks = args.flag("with-sinks");
        args.rejectUnknown();

        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "bench.logs." + run;
        BenchLogsInput.Filled input = BenchLogsInput.fill(bootstrap, topic, events, rate, encoding);
        System.out.printf(
                "filled %s with %,d %s lines (%,.0f MB) of 7 services over %s of event time, an error"
                        + " burst in checkout in the last fifth%n",
                topic, events, encoding, input.bytes() / 1e6, input.span());

        Result bare =
                measure("bare Kafka read + discard", bootstrap, topic, Mode.BARE, events, run);
        Result job =
                measure("decode + redact + mine + rules", bootstrap, topic, Mode.JOB, events, run);
        Result sinks = null;
        if (withSinks) {
            sinks =
                    measure(
                            "with Elasticsearch, ClickHouse, Kafka",
                            bootstrap,
                            topic,
                            Mode.SINKS,
                            events,
                            run);
        }

        System.out.println();
        System.out.printf(
                "%-40s %12s %14s %14s %10s%n",
                "job (parallelism 1)", "lines", "lines/s", "lines/s/core", "vs bare");
        for (Result r : sinks == null ? List.of(bare, job) : List.of(bare, job, sinks)) {
            System.out.printf(
                    "%-40s %,12d %,14.0f %,14.0f %9.2fx%n",
                    r.name(), r.events(), r.perSecond(), r.perCore(), r.perCore() / bare.perCore());
        }
        return 0;
    }

    private Result measure(
            String name, String bootstrap, String topic, Mode mode, long events, String run)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(KafkaOptions.BOOTSTRAP_SERVERS, bootstrap);
        conf.set(KafkaOptions.TRANSACTIONAL_ID_PREFIX, "bench-" + run);
        String dataStream = "logs-guardian-bench" + run + "-default";
        BenchLogsOutputs outputs =
                new BenchLogsOutputs(
                        ClickHouseOptions.URL.defaultValue(),
                        ElasticsearchOptions.HOSTS.defaultValue().get(0));
        if (mode == Mode.SINKS) {
            outputs.createTables();
            conf.set(ClickHouseOptions.DATABASE, BenchLogsOutputs.DATABASE);
            conf.set(LogsJobOptions.DATA_STREAM, dataStream);
            conf.set(LogsJobOptions.ANOMALIES_INDEX, BenchLogsOutputs.ANOMALIES_INDEX);
            conf.set(LogsJobOptions.ANOMALIES_TOPIC, topic + ".anomalies");
            conf.set(LogsJobOptions.ALERTS_TOPIC, topic + ".alerts");
            conf.set(LogsJobOptions.DEAD_LETTER_TOPIC, topic + ".dlq");
            BenchLogsInput.createTopics(
                    bootstrap, topic + ".anomalies", topic + ".alerts", topic + ".dlq");
        }
        Configuration cluster = new Configuration();
        // checkpoints go to files, as on a real cluster: the JobManager-memory default caps state
        cluster.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Path.of(".local", "bench", "checkpoints").toAbsolutePath().toUri().toString());
        cluster.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, cluster);
        LogsJob.configure(env, conf);
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopics(topic)
                        .setGroupId("bench-" + UUID.randomUUID())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(new RawRecordDeserializer())
                        .build();
        DataStream<RawRecord> in =
                env.fromSource(
                                source,
                                mode == Mode.BARE
                                        ? WatermarkStrategy.noWatermarks()
                                        : LogsJob.watermarks(conf),
                                "Kafka " + topic)
                        .uid("bench-source");
        switch (mode) {
            case BARE ->
                    in.sinkTo(new CountingDiscardSink<>(true)).name("discard").uid("bench-discard");
            case JOB -> LogsJob.defineWorkflow(conf, in, new Discarding());
            case SINKS -> LogsJob.defineWorkflow(conf, in, new ProductionLogsSinks(conf));
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
        String check;
        if (mode == Mode.SINKS) {
            long indexed = outputs.documents(dataStream);
            String anomalies =
                    outputs.sql(
                                    "SELECT count(), countIf(detector LIKE 'log-error-spike%' AND"
                                            + " labels['service'] = 'checkout') FROM "
                                            + BenchLogsOutputs.DATABASE
                                            + ".anomalies FINAL WHERE source = 'LOGS' AND time >= now() - INTERVAL 1 DAY")
                            .strip()
                            .replace('\t', '/');
            check =
                    String.format(
                            Locale.ROOT,
                            "%,d lines indexed in %s, anomalies (all/checkout error spikes) %s",
                            indexed,
                            dataStream,
                            anomalies);
            outputs.deleteDataStream(dataStream);
            if (indexed != events) {
                throw new IllegalStateException(
                        name + ": " + indexed + " of " + events + " lines indexed");
            }
        } else {
            long seen = CountingDiscardSink.COUNT.get();
            if (seen < events) {
                throw new IllegalStateException(name + " saw " + seen + " of " + events + " lines");
            }
            check = String.format(Locale.ROOT, "%,d lines out", seen);
        }
        Result result = new Result(name, events, wall, cpu);
        System.out.printf(
                "  %-40s %6.1f s wall, %6.1f s CPU, %,.0f lines/s/core (%s)%n",
                name, wall, cpu, result.perCore(), check);
        return result;
    }
}
