package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.Topic;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.security.SecurityJob;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code guardian bench security-latency}: event-to-detection latency of the security job running
 * on a cluster. Sends probe events (an S3 bucket deleted, which a Sigma rule of the CloudTrail set
 * reports; each by its own principal, so none is a suppressed repeat) at a steady rate and reads
 * {@code guardian.detections} as a read_committed consumer would: the latency of a probe is from
 * its send to the moment its detection is visible there. A measurement, not a test.
 */
public final class BenchSecurityLatencyCommand implements Command {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final PrintStream out;

    public BenchSecurityLatencyCommand() {
        this(System.out);
    }

    BenchSecurityLatencyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "bench";
    }

    @Override
    public String subject() {
        return "security-latency";
    }

    @Override
    public String summary() {
        return "event-to-detection latency percentiles of the running security job";
    }

    @Override
    public String usage() {
        return "[--rate N (probes/s, 10)] [--duration D (60s)] [--warmup D (10s, not counted)]"
                + " [--bootstrap HOST:PORT] [--topic T (security.events)]"
                + " [--detections-topic T (guardian.detections)] [--flink URL (http://127.0.0.1:8081)]";
    }

    @Override
    public int run(Args args) throws Exception {
        double rate = args.doubleValue("rate", 10);
        Duration duration = args.duration("duration", Duration.ofSeconds(60));
        Duration warmup = args.duration("warmup", Duration.ofSeconds(10));
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.SECURITY_EVENTS.topicName());
        String detections = args.string("detections-topic", Topic.DETECTIONS.topicName());
        String flink = args.string("flink", "http://127.0.0.1:8081");
        args.rejectUnknown();
        if (!(rate > 0)) {
            throw new UsageException("--rate must be positive");
        }
        describeJob(flink);

        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> sentNanos = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader =
                new Thread(
                        () -> read(bootstrap, detections, sentNanos, latencies, stop),
                        "latency-reader");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(3000); // the reader is positioned at the end before the first probe

        long intervalNanos = (long) (1e9 / rate);
        int sent = 0;
        int counted = 0;
        try (CloudTrailSender sender =
                CloudTrailSender.open(bootstrap, topic, "guardian-bench-security-latency")) {
            // the schedule starts once the producer is connected: a slow connect is not counted
            long warmupEnd = System.nanoTime() + warmup.toNanos();
            long end = warmupEnd + duration.toNanos();
            long next = System.nanoTime();
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String id = "latency-" + run + "-" + sent;
                ObjectNode probe = probe(id, run, sent);
                if (next >= warmupEnd) {
                    sentNanos.put(id, System.nanoTime());
                    counted++;
                }
                sender.send(
                        id.getBytes(StandardCharsets.UTF_8),
                        probe.toString().getBytes(StandardCharsets.UTF_8));
                sent++;
                next += intervalNanos;
            }
            sender.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (latencies.size() < counted && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        stop.set(true);
        reader.join(10_000);

        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        out.printf(
                "probes sent %d (%d after warm-up), detections seen %d%n",
                sent, counted, sorted.size());
        if (sorted.isEmpty()) {
            out.println(
                    "no detection arrived: is guardian-security running with the CloudTrail rules?");
            return 1;
        }
        out.printf(
                "event-to-detection latency (ms): p50 %d  p90 %d  p99 %d  max %d%n",
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1));
        return sorted.size() < counted ? 1 : 0;
    }

    /** A bucket deleted by a principal of its own: one detection of "AWS Bucket Deleted". */
    static ObjectNode probe(String id, String run, int n) {
        ObjectNode r = CloudTrailRecords.json().createObjectNode();
        r.put("eventVersion", "1.09");
        ObjectNode identity = r.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("arn", "arn:aws:iam::111122223333:user/latency-probe-" + run + "-" + n);
        identity.put("accountId", "111122223333");
        identity.put("userName", "latency-probe-" + run + "-" + n);
        r.put("eventTime", Instant.now().toString());
        r.put("eventSource", "s3.amazonaws.com");
        r.put("eventName", "DeleteBucket");
        r.put("awsRegion", "us-east-1");
        r.put("sourceIPAddress", "192.0.2.10");
        r.put("userAgent", "guardian-bench");
        r.putObject("requestParameters").put("bucketName", "probe-" + run + "-" + n);
        r.put("eventID", id);
        r.put("eventType", "AwsApiCall");
        r.put("recipientAccountId", "111122223333");
        return r;
    }

    private static void read(
            String bootstrap,
            String topic,
            Map<String, Long> sentNanos,
            List<Long> latencies,
            AtomicBoolean stop) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "guardian-bench-latency-" + UUID.randomUUID());
        props.put("auto.offset.reset", "latest");
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", "false");
        props.put("fetch.max.wait.ms", "20");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        RecordCodec<Detection> codec = RecordCodec.of(Detection.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    Detection d;
                    try {
                        d = codec.decode(record.value());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    for (String eventId : d.getMatchedEventIds()) {
                        Long sent = sentNanos.remove(eventId);
                        if (sent != null) {
                            latencies.add((now - sent) / 1_000_000);
                        }
                    }
                }
            }
        }
    }

    static long percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The running job's checkpointing, which bounds what exactly-once outputs can do. */
    private void describeJob(String flink) {
        try {
            JsonNode jobs = get(flink + "/jobs/overview").path("jobs");
            for (JsonNode job : jobs) {
                if (job.path("name").asText().equals(SecurityJob.NAME)
                        && job.path("state").asText().equals("RUNNING")) {
                    JsonNode config =
                            get(
                                    flink
                                            + "/jobs/"
                                            + job.path("jid").asText()
                                            + "/checkpoints/config");
                    out.printf(
                            "job %s: checkpoints every %d ms (%s)%n",
                            job.path("jid").asText(),
                            config.path("interval").asLong(),
                            config.path("mode").asText());
                    return;
                }
            }
            out.println("no running " + SecurityJob.NAME + " job found at " + flink);
        } catch (Exception e) {
            out.println("Flink REST API not reachable at " + flink + ": " + e.getMessage());
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return CloudTrailRecords.json().readTree(r.body());
    }
}
