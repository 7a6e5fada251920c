package dev.guardian.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Source;
import dev.guardian.schemas.Topic;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The anomaly part of {@code guardian report}: metric anomalies in ClickHouse (count and the worst
 * few, expected against actual), the metrics job's alerts on {@code guardian.alerts} (read
 * committed, as the alert router reads them), and whether the series of an injected incident
 * ({@code guardian generate metrics --incident-report FILE}) were detected.
 */
final class AnomalyReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Anomalies this long after an incident's end still count as detecting it. */
    private static final Duration DETECTION_GRACE = Duration.ofMinutes(1);

    private final HttpQuery query;
    private final String clickhouse;
    private final PrintStream out;

    AnomalyReport(HttpQuery query, String clickhouse, PrintStream out) {
        this.query = query;
        this.clickhouse = clickhouse;
        this.out = out;
    }

    /** Prints the anomalies and returns how many metric anomalies ClickHouse holds. */
    long printAnomalies() throws IOException, InterruptedException {
        long count =
                query.clickhouseCount(
                        clickhouse,
                        "SELECT count() FROM guardian.anomalies FINAL WHERE source = 'METRICS'");
        out.println("  ClickHouse anomalies (metrics)    " + count);
        JsonNode top =
                query.clickhouse(
                        clickhouse,
                        "SELECT entity, score, grade, value, expected, toString(time) AS time"
                                + " FROM guardian.anomalies FINAL WHERE source = 'METRICS'"
                                + " ORDER BY score DESC, time DESC LIMIT 5");
        for (JsonNode row : top) {
            out.printf(
                    Locale.ROOT,
                    "    %.2f %-8s %s = %s (expected %s) at %s%n",
                    row.path("score").asDouble(),
                    row.path("grade").asText(),
                    row.path("entity").asText(),
                    number(row.path("value")),
                    number(row.path("expected")),
                    row.path("time").asText());
        }
        return count;
    }

    /** Alert state changes of the metrics job, counted by status; the open episodes. */
    void printAlerts(String bootstrap) {
        Map<String, AlertStatus> last = new HashMap<>();
        int firing = 0;
        int resolved = 0;
        for (Alert alert : readAlerts(bootstrap)) {
            if (alert.getSource() != Source.METRICS) {
                continue;
            }
            if (alert.getStatus() == AlertStatus.FIRING) {
                firing++;
            } else {
                resolved++;
            }
            last.put(alert.getFingerprint(), alert.getStatus());
        }
        long open = last.values().stream().filter(s -> s == AlertStatus.FIRING).count();
        out.printf(
                "  Kafka guardian.alerts (metrics)   %d firing, %d resolved; %d still firing%n",
                firing, resolved, open);
    }

    /** Whether each series of the injected incident has an anomaly in its window. */
    void printIncident(Path file) throws IOException, InterruptedException {
        JsonNode incident = JSON.readTree(Files.readString(file));
        Instant start = Instant.parse(incident.path("start").asText());
        Instant end = Instant.parse(incident.path("end").asText()).plus(DETECTION_GRACE);
        List<String> lines = new ArrayList<>();
        int detected = 0;
        int total = 0;
        for (JsonNode seriesNode : incident.path("series")) {
            String series = seriesNode.asText();
            total++;
            JsonNode first =
                    query.clickhouse(
                            clickhouse,
                            "SELECT toUnixTimestamp64Milli(time) AS t, score, value, expected"
                                    + " FROM guardian.anomalies FINAL WHERE source = 'METRICS'"
                                    + " AND entity = {series:String}"
                                    + " AND time BETWEEN fromUnixTimestamp64Milli({from:Int64})"
                                    + " AND fromUnixTimestamp64Milli({to:Int64})"
                                    + " ORDER BY time LIMIT 1",
                            Map.of(
                                    "series", series,
                                    "from", Long.toString(start.toEpochMilli()),
                                    "to", Long.toString(end.toEpochMilli())));
            if (first.size() == 0) {
                lines.add("    NOT DETECTED  " + series + previousAnomaly(series, start));
                continue;
            }
            detected++;
            JsonNode row = first.get(0);
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "    +%5.1f s  score %.2f  %s = %s (expected %s)",
                            (row.path("t").asLong() - start.toEpochMilli()) / 1000.0,
                            row.path("score").asDouble(),
                            series,
                            number(row.path("value")),
                            number(row.path("expected"))));
        }
        out.printf(
                "  Injected incident %s (%s): %d of %d series detected%n",
                incident.path("kind").asText(), file, detected, total);
        lines.forEach(out::println);
    }

    /**
     * A series that already had an anomaly shortly before may be in the detector's cool-down, or
     * judge a repeat of the same pattern as nothing new: worth saying next to a miss.
     */
    private String previousAnomaly(String series, Instant start)
            throws IOException, InterruptedException {
        JsonNode before =
                query.clickhouse(
                        clickhouse,
                        "SELECT toUnixTimestamp64Milli(max(time)) AS t FROM guardian.anomalies"
                                + " FINAL WHERE source = 'METRICS' AND entity = {series:String}"
                                + " AND time < fromUnixTimestamp64Milli({from:Int64})"
                                + " HAVING count() > 0",
                        Map.of("series", series, "from", Long.toString(start.toEpochMilli())));
        if (before.size() == 0) {
            return "";
        }
        long seconds = (start.toEpochMilli() - before.get(0).path("t").asLong()) / 1000;
        return " (its previous anomaly was "
                + seconds
                + " s before the incident: in the detector's cool-down, or a repeat it has"
                + " learned)";
    }

    private static List<Alert> readAlerts(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        RecordCodec<Alert> codec = RecordCodec.of(Alert.class);
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p :
                    consumer.partitionsFor(Topic.ALERTS.topicName(), Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    try {
                        alerts.add(codec.decode(record.value()));
                    } catch (RuntimeException e) {
                        // another producer's bad record is not the report's business
                    }
                }
            }
        }
        return alerts;
    }

    private static boolean reached(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String number(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.4g", value.asDouble());
    }
}
