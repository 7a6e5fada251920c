package dev.guardian.ops.monitor;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.connectors.influxdb.InfluxDbOptions;
import dev.guardian.ops.http.InfluxQueries;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code guardian monitor}: every {@code --interval}, reads each running job's health from Flink's
 * REST API and Kafka, writes it to InfluxDB (measurement {@code guardian_pipeline}, the
 * pipeline-health dashboard's source), and sends a {@code guardian} alert to {@code
 * guardian.alerts} when a job falls behind or its checkpoints fail (and again when it recovers).
 * The poller for clusters without the Guardian reporter plugin, such as the local stack.
 */
public final class MonitorCommand implements Command {

    /** The alert router's input (jobs/alerts: {@code guardian.alerts.topic}). */
    static final String ALERTS_TOPIC = "guardian.alerts";

    private final PrintStream out;

    public MonitorCommand() {
        this(System.out);
    }

    MonitorCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "monitor";
    }

    @Override
    public String subject() {
        return "";
    }

    @Override
    public String summary() {
        return "pipeline health (records, dead letters, lag, checkpoints, state, sink retries) to"
                + " InfluxDB every 10 s; alerts when a job falls behind or checkpoints fail";
    }

    @Override
    public String usage() {
        return "[--cluster URL] [--bootstrap HOST:PORT] [--influxdb URL] [--database NAME]"
                + " [--interval 10s] [--iterations N (0: until stopped)] [--lag-threshold 10000]"
                + " [--lag-window 1m] [--checkpoint-stale 5m] [--alerts-topic guardian.alerts]"
                + " [--no-alerts]";
    }

    /** Where and how often; what counts as unhealthy. */
    public record Settings(
            String flinkUrl,
            String bootstrap,
            String influxdbUrl,
            String database,
            Duration interval,
            long iterations,
            long lagThreshold,
            Duration lagWindow,
            Duration checkpointStale,
            String alertsTopic,
            boolean alerts) {}

    @Override
    public int run(Args args) throws Exception {
        Settings settings =
                new Settings(
                        args.string(
                                "cluster",
                                System.getenv()
                                        .getOrDefault(
                                                "GUARDIAN_FLINK_URL", "http://127.0.0.1:8081")),
                        args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue()),
                        args.string("influxdb", InfluxDbOptions.URL.defaultValue()),
                        args.string("database", InfluxDbOptions.DATABASE.defaultValue()),
                        args.duration("interval", Duration.ofSeconds(10)),
                        args.longValue("iterations", 0),
                        args.longValue("lag-threshold", 10_000),
                        args.duration("lag-window", Duration.ofMinutes(1)),
                        args.duration("checkpoint-stale", Duration.ofMinutes(5)),
                        args.string("alerts-topic", ALERTS_TOPIC),
                        !args.flag("no-alerts"));
        args.rejectUnknown();
        monitor(settings, out);
        return 0;
    }

    /** Polls until {@code iterations} samples were taken (forever if 0). */
    public static void monitor(Settings settings, PrintStream out)
            throws IOException, InterruptedException {
        InfluxQueries influx = new InfluxQueries(settings.influxdbUrl());
        PipelineHealth health =
                new PipelineHealth(
                        settings.lagThreshold(), settings.lagWindow(), settings.checkpointStale());
        RecordCodec<Alert> codec = RecordCodec.of(Alert.class);
        out.printf(
                "monitoring %s every %s → InfluxDB %s/%s measurement %s%s%n",
                settings.flinkUrl(),
                settings.interval(),
                settings.influxdbUrl(),
                settings.database(),
                PipelinePoints.MEASUREMENT,
                settings.alerts() ? ", alerts to " + settings.alertsTopic() : "");
        try (PipelineCollector collector =
                        new PipelineCollector(settings.flinkUrl(), settings.bootstrap());
                KafkaProducer<byte[], byte[]> producer =
                        settings.alerts() ? producer(settings) : null) {
            for (long i = 0; settings.iterations() == 0 || i < settings.iterations(); i++) {
                long started = System.nanoTime();
                try {
                    List<PipelineSample> samples = collector.collect();
                    List<String> lines = new ArrayList<>();
                    for (PipelineSample s : samples) {
                        lines.addAll(PipelinePoints.lines(s));
                        out.println(describe(s));
                        for (PipelineHealth.Change change : health.observe(s)) {
                            Alert alert = PipelineAlerts.alert(change, settings.flinkUrl());
                            out.printf(
                                    "  ALERT %s %s: %s%n",
                                    alert.getStatus(), alert.getFingerprint(), alert.getTitle());
                            if (producer != null) {
                                producer.send(
                                                new ProducerRecord<>(
                                                        settings.alertsTopic(),
                                                        alert.getFingerprint()
                                                                .getBytes(StandardCharsets.UTF_8),
                                                        codec.encode(alert)))
                                        .get(30, TimeUnit.SECONDS);
                            }
                        }
                    }
                    if (!lines.isEmpty()) {
                        influx.write(settings.database(), String.join("\n", lines));
                    }
                } catch (IOException
                        | java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException e) {
                    out.println(Instant.now() + " could not sample: " + e.getMessage());
                }
                long rest = settings.interval().toNanos() - (System.nanoTime() - started);
                boolean last = settings.iterations() != 0 && i + 1 >= settings.iterations();
                if (rest > 0 && !last) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
        }
    }

    static String describe(PipelineSample s) {
        return String.format(
                Locale.ROOT,
                "%s %-20s %-10s in %,.0f (%,.0f/s) out %,.0f dead letters %,.0f lag %s checkpoints %d ok %d failed"
                        + " (last %s) state %s restarts %d sink retries %,.0f",
                Instant.ofEpochMilli(s.time()),
                s.job(),
                s.state(),
                s.recordsIn(),
                s.recordsInPerSecond(),
                s.recordsOut(),
                s.deadLetters(),
                s.consumerLag() < 0 ? "?" : String.format(Locale.ROOT, "%,d", s.consumerLag()),
                s.checkpointsCompleted(),
                s.checkpointsFailed(),
                s.lastCheckpointAt() > 0
                        ? String.format(
                                Locale.ROOT,
                                "%.0f s ago, %d ms, %s",
                                s.lastCheckpointAgeSeconds(),
                                s.lastCheckpointDurationMs(),
                                bytes(s.lastCheckpointSizeBytes()))
                        : "none",
                bytes(s.lastCheckpointFullSizeBytes()),
                s.restarts(),
                s.sinkRetries());
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", b / 1024.0 / 1024.0);
    }

    private static KafkaProducer<byte[], byte[]> producer(Settings settings) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        settings.bootstrap(),
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "guardian-monitor",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        15_000),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }
}
