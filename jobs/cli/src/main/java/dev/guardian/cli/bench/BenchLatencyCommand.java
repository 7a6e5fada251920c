package dev.guardian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.anomaly.DetectorConfig;
import dev.guardian.anomaly.SeriesAnomalyScorer;
import dev.guardian.anomaly.SeriesKind;
import dev.guardian.cli.deploy.FlinkRestClient;
import dev.guardian.cli.deploy.GuardianJob;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.metrics.bench.BenchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code guardian bench latency}: event-to-anomaly-record latency of the metrics job on the local
 * stack. Runs the job on the Flink cluster (its own topics, database {@code guardian_bench}, index
 * {@code guardian-bench-anomalies}), sends points at a fixed rate with event time = send time and
 * one spike per series once the series has history, and times each anomaly as it becomes readable
 * on the anomalies topic, read_committed (what exactly-once consumers see, at checkpoints) and
 * read_uncommitted (the pipeline itself). A measurement, not a test.
 */
public class BenchLatencyCommand implements Command {

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "latency";
    }

    @Override
    public String summary() {
        return "event to anomaly record latency (p50/p99) of the metrics job on the local stack";
    }

    @Override
    public String usage() {
        return "[--rate N (10000 points/s)] [--series N (1000)] [--duration D (150s)]"
                + " [--checkpoint-interval D (10s, the job's default)] [--bootstrap HOST:PORT]"
                + " [--cluster URL (http://127.0.0.1:8081)] [--jar FILE] [--keep] (leave the job"
                + " and topics)";
    }

    @Override
    public int run(Args args) throws Exception {
        double rate = args.doubleValue("rate", 10_000);
        int series = args.intValue("series", 1_000);
        Duration duration = args.duration("duration", Duration.ofSeconds(150));
        Duration checkpoint = args.duration("checkpoint-interval", Duration.ofSeconds(10));
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        FlinkRestClient cluster =
                new FlinkRestClient(args.string("cluster", "http://127.0.0.1:8081"));
        Path jar = jar(args);
        boolean keep = args.flag("keep");
        args.rejectUnknown();

        // history: the detector's warm-up plus some, at each series' interval
        int historyPoints = DetectorConfig.DEFAULTS.warmupPoints() + 50;
        long historyMillis = (long) (historyPoints * series * 1000.0 / rate);
        if (historyMillis + 20_000 > duration.toMillis()) {
            throw new UsageException(
                    "--duration must leave time after the "
                            + historyMillis / 1000
                            + " s of history the detector needs; use more or fewer series");
        }
        String topic = "bench.latency." + UUID.randomUUID().toString().substring(0, 8);
        createTopics(bootstrap, topic);
        BenchDatabase.create();
        List<String> jobArgs =
                List.of(
                        "--guardian.kafka.bootstrap-servers",
                        bootstrap,
                        "--guardian.kafka.starting-offsets",
                        "earliest",
                        "--guardian.metrics.topic",
                        topic,
                        "--guardian.metrics.dead-letter-topic",
                        topic + ".dlq",
                        "--guardian.metrics.anomalies-topic",
                        topic + ".anomalies",
                        "--guardian.metrics.alerts-topic",
                        topic + ".alerts",
                        "--guardian.metrics.anomalies-index",
                        "guardian-bench-anomalies",
                        "--guardian.metrics.checkpoint-interval",
                        checkpoint.toMillis() + "ms",
                        "--clickhouse.database",
                        BenchDatabase.NAME,
                        "--influxdb.database",
                        BenchDatabase.NAME);
        String jobId =
                cluster.runJar(
                        cluster.uploadJar(jar), GuardianJob.METRICS.entryClass(), jobArgs, null);
        System.out.printf("job %s reads %s; waiting for it to run...%n", jobId, topic);
        try {
            awaitRunning(cluster, jobId);
            AnomalyLatencies committed =
                    new AnomalyLatencies(bootstrap, topic + ".anomalies", "read_committed");
            AnomalyLatencies uncommitted =
                    new AnomalyLatencies(bootstrap, topic + ".anomalies", "read_uncommitted");
            List<Thread> readers = new ArrayList<>();
            for (AnomalyLatencies reader : List.of(committed, uncommitted)) {
                Thread thread = new Thread(reader, "anomalies-" + reader.isolation());
                thread.start();
                readers.add(thread);
            }
            System.out.printf(
                    Locale.ROOT,
                    "sending %,.0f points/s over %,d series for %s (%d points of history per"
                            + " series, then one spike each)...%n",
                    rate,
                    series,
                    duration,
                    historyPoints);
            long t0 = System.nanoTime();
            TaskManagerCost cost = new TaskManagerCost(cluster, jobId);
            Thread costSampler =
                    new Thread(
                            () -> cost.sampleAfter(historyMillis, duration.toMillis()),
                            "taskmanager-cost");
            costSampler.start();
            long sent =
                    new LatencyTraffic(
                                    bootstrap,
                                    topic,
                                    series,
                                    rate,
                                    historyMillis,
                                    duration.toMillis())
                            .run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            costSampler.join();
            // the last anomalies become visible at the next checkpoints
            Thread.sleep(2 * checkpoint.toMillis() + 10_000);
            committed.stop();
            uncommitted.stop();
            for (Thread thread : readers) {
                thread.join();
            }
            print(sent, seconds, checkpoint, committed, uncommitted);
            cost.print();
            printState(cluster, jobId, series);
        } finally {
            if (!keep) {
                cluster.cancel(jobId);
                deleteTopics(bootstrap, topic);
            }
        }
        return 0;
    }

    private static void print(
            long sent,
            double seconds,
            Duration checkpoint,
            AnomalyLatencies committed,
            AnomalyLatencies uncommitted) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "sent %,d points in %.1f s = %,.0f points/s; checkpoint interval %s%n",
                sent,
                seconds,
                sent / seconds,
                checkpoint);
        System.out.printf(
                "%-40s %9s %8s %8s %8s %8s %8s%n",
                "event -> anomaly record readable",
                "anomalies",
                "series",
                "p50",
                "p90",
                "p99",
                "max");
        for (AnomalyLatencies reader : List.of(uncommitted, committed)) {
            long[] ms = reader.sorted();
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %9d %8d %8s %8s %8s %8s%n",
                    "Kafka, " + reader.isolation(),
                    ms.length,
                    reader.seriesWithAnomalies(),
                    millis(ms, 0.5),
                    millis(ms, 0.9),
                    millis(ms, 0.99),
                    millis(ms, 1.0));
        }
        System.out.printf(
                Locale.ROOT,
                "detector model of one series, serialised: %,d bytes (gauge), %,d bytes"
                        + " (counter)%n",
                modelBytes(SeriesKind.GAUGE),
                modelBytes(SeriesKind.COUNTER));
    }

    /**
     * The anomaly operator's share of the last checkpoint: RocksDB files holding every series'
     * model and open episode (and versions not yet compacted away).
     */
    private static void printState(FlinkRestClient cluster, String jobId, int series)
            throws Exception {
        JsonNode latest = cluster.checkpoints(jobId).path("latest").path("completed");
        if (latest.isMissingNode() || latest.isNull()) {
            return;
        }
        JsonNode tasks = cluster.checkpointDetails(jobId, latest.path("id").asLong()).path("tasks");
        for (JsonNode vertex : cluster.job(jobId).path("vertices")) {
            if (vertex.path("name").asText().startsWith("Series anomaly detection")) {
                long bytes = tasks.path(vertex.path("id").asText()).path("state_size").asLong();
                System.out.printf(
                        Locale.ROOT,
                        "anomaly detection state at checkpoint %d: %,d bytes for %,d series ="
                                + " %,.0f bytes per series%n",
                        latest.path("id").asLong(),
                        bytes,
                        series,
                        bytes / (double) series);
            }
        }
    }

    /** The serialised model of a series with a full window of history. */
    static int modelBytes(SeriesKind kind) {
        SeriesAnomalyScorer scorer = SeriesAnomalyScorer.create(DetectorConfig.DEFAULTS, kind);
        SplittableRandom random = new SplittableRandom(5);
        double total = 0;
        for (int i = 0; i < 5_000; i++) {
            total += 100 + 10 * random.nextGaussian();
            scorer.feed(i * 10_000L, kind == SeriesKind.COUNTER ? total : total / (i + 1));
        }
        try {
            return scorer.toBytes().length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] + " ms";
    }

    private static void awaitRunning(FlinkRestClient cluster, String jobId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            JsonNode job = cluster.job(jobId);
            boolean running = "RUNNING".equals(job.path("state").asText());
            for (JsonNode vertex : job.path("vertices")) {
                running &= "RUNNING".equals(vertex.path("status").asText());
            }
            if (running) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("job " + jobId + " is not running after 2 minutes");
    }

    private static Path jar(Args args) throws Exception {
        Path jar =
                args.string("jar").isPresent()
                        ? Path.of(args.string("jar").get())
                        : Path.of(
                                BenchLatencyCommand.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI());
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            throw new UsageException("job jar not found: " + jar + " (./guardian build)");
        }
        return jar;
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private static void createTopics(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 4, (short) 1),
                                    new NewTopic(topic + ".anomalies", 2, (short) 1),
                                    new NewTopic(topic + ".alerts", 2, (short) 1),
                                    new NewTopic(topic + ".dlq", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void deleteTopics(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.deleteTopics(
                            List.of(topic, topic + ".anomalies", topic + ".alerts", topic + ".dlq"))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
