package dev.guardian.ops.verify.metrics;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.metrics.MetricSample;
import dev.guardian.metrics.sink.MetricPointRow;
import dev.guardian.metrics.validate.MetricPointDecoder;
import dev.guardian.ops.verify.FuzzTraffic;
import dev.guardian.ops.verify.OutputCount;
import dev.guardian.ops.verify.OutputQueries;
import dev.guardian.ops.verify.TrafficRecord;
import dev.guardian.ops.verify.fuzz.Mutations;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.serde.RecordCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.configuration.Configuration;

/**
 * Good metric traffic with random and mutated records mixed in: byte damage to Avro and JSON
 * encodings, broken JSON structure, and well-formed points the job's rules refuse (a year ahead, a
 * month old, NaN, empty or overlong names, too many labels, over a megabyte). Which of them the job
 * must dead-letter is decided by the job's own decoder ({@link MetricPointDecoder}) run here: a
 * mutation can leave a record valid, and such a record must then reach the outputs instead.
 */
final class MetricsFuzzTraffic implements FuzzTraffic {

    static final String FUZZ_METRIC = "guardian_fuzz";
    private static final int MAX_OVERSIZED = 3;

    private final MetricsTraffic good;
    private final long bad;
    private final long goodCount;
    private final Random random;
    private final long startMillis;
    private final double eventsPerSecond;
    private final MetricPointDecoder oracle = new MetricPointDecoder(new Configuration());
    private final RecordCodec<MetricPoint> codec = RecordCodec.of(MetricPoint.class);
    private final Set<ByteBuffer> rejected = new HashSet<>();
    private final Map<String, Long> rejectedByKind = new LinkedHashMap<>();
    private final Set<String> acceptedKeys = new HashSet<>();
    private long badLeft;
    private long goodLeft;
    private long fuzzIndex;
    private long rejectedCount;
    private int oversized;

    MetricsFuzzTraffic(long bad, long good, double eventsPerSecond, long seed, long startMillis) {
        this.good = new MetricsTraffic(good, eventsPerSecond, seed, startMillis);
        this.bad = bad;
        this.goodCount = good;
        this.badLeft = bad;
        this.goodLeft = good;
        this.random = new Random(seed ^ 0xF022L);
        this.startMillis = startMillis;
        this.eventsPerSecond = eventsPerSecond;
    }

    @Override
    public long size() {
        return bad + goodCount;
    }

    @Override
    public TrafficRecord next() {
        boolean pickBad = random.nextDouble() * (badLeft + goodLeft) < badLeft;
        if (!pickBad) {
            goodLeft--;
            return good.next();
        }
        badLeft--;
        String kind = pickKind();
        byte[] value = spoil(kind);
        classify(kind, value);
        return TrafficRecord.keyed(("fuzz-" + fuzzIndex).getBytes(StandardCharsets.UTF_8), value);
    }

    private String pickKind() {
        double r = random.nextDouble();
        if (r < 0.3) {
            return "semantic";
        }
        return r < 0.7 ? "bytes" : "json";
    }

    private byte[] spoil(String kind) {
        long k = fuzzIndex++;
        long timestamp = startMillis + (long) (k * 1000 / Math.max(1, eventsPerSecond));
        MetricPoint seed =
                point(
                        FUZZ_METRIC,
                        Map.of("fuzz_id", Long.toString(k), "host", "fuzz-" + (k % 97)),
                        timestamp,
                        random.nextGaussian() * 100);
        switch (kind) {
            case "semantic":
                return semantic(seed);
            case "bytes":
                {
                    byte[] encoded =
                            random.nextBoolean() ? codec.encode(seed) : codec.toJsonBytes(seed);
                    Mutations.Bytes m =
                            Mutations.Bytes.values()[
                                    random.nextInt(Mutations.Bytes.values().length)];
                    return m.apply(encoded, random);
                }
            default:
                {
                    Mutations.Json m =
                            Mutations.Json.values()[random.nextInt(Mutations.Json.values().length)];
                    return m.apply(codec.toJsonBytes(seed), random);
                }
        }
    }

    private byte[] semantic(MetricPoint seed) {
        long ts = seed.getTimestamp().toEpochMilli();
        String name = seed.getName();
        Map<String, String> labels = seed.getLabels();
        double value = seed.getValue();
        switch (random.nextInt(8)) {
            case 0 -> ts += 365L * 86_400_000;
            case 1 -> ts -= 30L * 86_400_000;
            case 2 -> value = random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
            case 3 -> name = "";
            case 4 -> {
                labels = new LinkedHashMap<>();
                for (int i = 0; i < 40; i++) {
                    labels.put("label_" + i, "v" + i);
                }
            }
            case 5 -> labels = Map.of("request", "x".repeat(2_000));
            case 6 -> name = "m".repeat(300);
            default -> {
                if (oversized < MAX_OVERSIZED) {
                    oversized++;
                    labels = Map.of("blob", "x".repeat(1_100_000));
                } else {
                    name = "has spaces and ünïcode in the name";
                }
            }
        }
        if (!Double.isFinite(value)) {
            // the codec refuses to write a non-finite value; exporters send it as a JSON string
            com.fasterxml.jackson.databind.node.ObjectNode json =
                    codec.toJsonNode(point(name, labels, ts, 0));
            json.put("value", Double.isNaN(value) ? "NaN" : "Infinity");
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }
        MetricPoint point = point(name, labels, ts, value);
        return random.nextBoolean() ? codec.encode(point) : codec.toJsonBytes(point);
    }

    /** Runs the job's own decoder on the record: what it refuses must be dead-lettered. */
    private void classify(String kind, byte[] value) {
        try {
            MetricSample sample = oracle.decode(RawRecord.of(value), System.currentTimeMillis());
            acceptedKeys.add(sample.seriesId + "@" + sample.timestampMillis);
        } catch (Exception | StackOverflowError e) {
            rejected.add(ByteBuffer.wrap(value));
            rejectedCount++;
            rejectedByKind.merge(kind, 1L, Long::sum);
        }
    }

    private static MetricPoint point(
            String name, Map<String, String> labels, long ts, double value) {
        return MetricPoint.newBuilder()
                .setTimestamp(java.time.Instant.ofEpochMilli(ts))
                .setName(name)
                .setLabels(labels)
                .setValue(value)
                .setType(MetricType.GAUGE)
                .setUnit("1")
                .build();
    }

    @Override
    public List<TrafficRecord> closing(int partitions) {
        return good.closing(partitions);
    }

    @Override
    public Set<ByteBuffer> rejected() {
        return rejected;
    }

    /** Rejected records, counting repeats of the same bytes (e.g. two empty records). */
    long rejectedCount() {
        return rejectedCount;
    }

    Map<String, Long> rejectedByKind() {
        return rejectedByKind;
    }

    @Override
    public long mutatedButValid() {
        return bad - rejectedCount;
    }

    /**
     * Good points and accepted fuzz points, each once in {@code metric_points}; every good point of
     * the generator's own series unaffected by the fuzz around it.
     */
    @Override
    public List<OutputCount> count(OutputQueries q) throws IOException {
        String table = q.isolation().database() + "." + MetricPointRow.TABLE;
        List<OutputCount> counts = new ArrayList<>();
        String goodNames =
                good.names().stream()
                        .sorted()
                        .map(n -> "'" + n + "'")
                        .collect(java.util.stream.Collectors.joining(", "));
        long goodOut =
                q.clickhouse()
                        .number(
                                "SELECT count() FROM "
                                        + table
                                        + " FINAL WHERE name IN ("
                                        + (goodNames.isEmpty() ? "''" : goodNames)
                                        + ")");
        long goodDuplicates =
                q.clickhouse()
                        .number(
                                "SELECT count() - uniqExact(series_id, ts) FROM "
                                        + table
                                        + " WHERE name != '"
                                        + MetricsTraffic.WATERMARK_METRIC
                                        + "'");
        counts.add(
                OutputCount.of(
                        "ClickHouse " + MetricPointRow.TABLE + " (good)",
                        good.produced(),
                        goodOut,
                        goodDuplicates));
        long allOut =
                q.clickhouse()
                        .number(
                                "SELECT count() FROM "
                                        + table
                                        + " FINAL WHERE name != '"
                                        + MetricsTraffic.WATERMARK_METRIC
                                        + "'");
        counts.add(
                OutputCount.of(
                        "ClickHouse " + MetricPointRow.TABLE + " (good + fuzz accepted)",
                        good.produced() + acceptedKeys.size(),
                        allOut,
                        -1));
        return counts;
    }
}
