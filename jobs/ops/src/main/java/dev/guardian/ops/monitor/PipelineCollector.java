package dev.guardian.ops.monitor;

import dev.guardian.ops.http.FlinkRest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every running job's health: Flink's REST API for records, dead letters, sink retries,
 * checkpoints, restarts and state sizes; Kafka's admin API for the lag of each job's consumer group
 * (the jobs commit their offsets on checkpoints, so this is how far the last checkpoint is behind).
 */
public final class PipelineCollector implements AutoCloseable {

    private final FlinkRest flink;
    private final Admin kafka;

    public PipelineCollector(String flinkUrl, String bootstrap) {
        this.flink = new FlinkRest(flinkUrl);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.kafka = Admin.create(props);
    }

    /** One sample per job that is not finished, failed or cancelled. */
    public List<PipelineSample> collect() throws IOException {
        List<PipelineSample> samples = new ArrayList<>();
        Map<String, Long> lags = consumerLagByGroup();
        for (FlinkRest.Job job : flink.jobs()) {
            if (List.of("FINISHED", "FAILED", "CANCELED").contains(job.state())) {
                continue;
            }
            try {
                samples.add(sample(job, lags));
            } catch (IOException e) {
                // a job that ends between listing and reading: next time
            }
        }
        return samples;
    }

    private PipelineSample sample(FlinkRest.Job job, Map<String, Long> lags) throws IOException {
        long now = System.currentTimeMillis();
        Map<String, Double> sums = new HashMap<>();
        double busyMax = 0;
        double backPressuredMax = 0;
        List<FlinkRest.Vertex> vertices = flink.vertices(job.id());
        for (FlinkRest.Vertex v : vertices) {
            List<String> wanted = new ArrayList<>();
            for (String name : flink.vertexMetricNames(job.id(), v.id())) {
                if (OperatorMetric.of(name) != null) {
                    wanted.add(name);
                }
            }
            wanted.add("busyTimeMsPerSecond");
            wanted.add("backPressuredTimeMsPerSecond");
            Map<String, Double> values = flink.vertexMetricSums(job.id(), v.id(), wanted);
            for (Map.Entry<String, Double> e : values.entrySet()) {
                OperatorMetric m = OperatorMetric.of(e.getKey());
                if (m != null) {
                    sums.merge(m.name(), e.getValue(), Double::sum);
                }
            }
            // busy and backpressured time are per subtask: the sum over p subtasks / p
            double p = Math.max(1, v.parallelism());
            busyMax = Math.max(busyMax, values.getOrDefault("busyTimeMsPerSecond", 0.0) / p);
            backPressuredMax =
                    Math.max(
                            backPressuredMax,
                            values.getOrDefault("backPressuredTimeMsPerSecond", 0.0) / p);
        }
        FlinkRest.Checkpoints checkpoints = flink.checkpoints(job.id());
        Map<String, Long> stateSizes = new LinkedHashMap<>();
        Map<String, Long> byVertex = flink.lastCheckpointStateSizes(job.id());
        for (FlinkRest.Vertex v : vertices) {
            Long size = byVertex.get(v.id());
            if (size != null) {
                stateSizes.merge(firstOperator(v.name()), size, Long::sum);
            }
        }
        long lag = -1;
        for (Map.Entry<String, Long> e : lags.entrySet()) {
            if (e.getKey().endsWith("-" + job.name())) {
                lag = Math.max(0, lag) + e.getValue();
            }
        }
        return new PipelineSample(
                job.name(),
                job.id(),
                job.state(),
                now,
                sums.getOrDefault(OperatorMetric.RECORDS_IN.name(), 0.0),
                sums.getOrDefault(OperatorMetric.RECORDS_IN_RATE.name(), 0.0),
                sums.getOrDefault(OperatorMetric.RECORDS_OUT.name(), 0.0),
                sums.getOrDefault(OperatorMetric.DEAD_LETTERS.name(), 0.0),
                sums.getOrDefault(OperatorMetric.DEAD_LETTERS_SENT.name(), 0.0),
                lag,
                sums.getOrDefault(OperatorMetric.PENDING_RECORDS.name(), 0.0),
                sums.getOrDefault(OperatorMetric.SINK_RETRIES.name(), 0.0),
                sums.getOrDefault(OperatorMetric.SINK_FAILURES.name(), 0.0),
                busyMax,
                backPressuredMax,
                flink.restarts(job.id()),
                checkpoints.completed(),
                checkpoints.failed(),
                checkpoints.lastCompletedAt(),
                checkpoints.lastDurationMs(),
                checkpoints.lastSizeBytes(),
                checkpoints.lastFullSizeBytes(),
                stateSizes);
    }

    /** "Series anomaly detection -> (ClickHouse ...)" is shown as its first operator. */
    static String firstOperator(String vertexName) {
        String name = vertexName.startsWith("Source: ") ? vertexName.substring(8) : vertexName;
        int arrow = name.indexOf(" -> ");
        return arrow > 0 ? name.substring(0, arrow) : name;
    }

    /** Lag per consumer group: records past the committed offsets, over every partition. */
    Map<String, Long> consumerLagByGroup() {
        Map<String, Long> lags = new HashMap<>();
        try {
            for (ConsumerGroupListing group :
                    kafka.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        kafka.listConsumerGroupOffsets(group.groupId())
                                .partitionsToOffsetAndMetadata()
                                .get(15, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = kafka.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lags.put(group.groupId(), lag);
            }
        } catch (Exception e) {
            // Kafka unreachable: lag unknown this time (-1), the rest is still worth writing
        }
        return lags;
    }

    @Override
    public void close() {
        kafka.close();
    }

    /** The operator-scoped metrics summed into a sample, by how their REST names end. */
    enum OperatorMetric {
        RECORDS_IN,
        RECORDS_IN_RATE,
        RECORDS_OUT,
        DEAD_LETTERS,
        DEAD_LETTERS_SENT,
        PENDING_RECORDS,
        SINK_RETRIES,
        SINK_FAILURES;

        /** Which sample metric a REST metric name feeds, or null. */
        static OperatorMetric of(String name) {
            boolean source = name.startsWith("Source__");
            boolean writer = name.contains("__Writer.");
            if (source && name.endsWith(".numRecordsOut")) {
                return RECORDS_IN;
            }
            if (source && name.endsWith(".numRecordsOutPerSecond")) {
                return RECORDS_IN_RATE;
            }
            if (source && name.endsWith(".pendingRecords")) {
                return PENDING_RECORDS;
            }
            if (writer && name.endsWith(".numRecordsSend")) {
                return name.toLowerCase(java.util.Locale.ROOT).contains("dlq")
                        ? DEAD_LETTERS_SENT
                        : RECORDS_OUT;
            }
            if (name.endsWith(".deadLetters")) {
                return DEAD_LETTERS;
            }
            if (name.endsWith(".retries")) {
                return SINK_RETRIES;
            }
            if (name.endsWith(".failures")) {
                return SINK_FAILURES;
            }
            return null;
        }
    }
}
