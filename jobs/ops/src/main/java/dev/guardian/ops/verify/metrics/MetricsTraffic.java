package dev.guardian.ops.verify.metrics;

import dev.guardian.metrics.sink.MetricPointRow;
import dev.guardian.metrics.sink.MetricRollupPoint;
import dev.guardian.metrics.sink.MetricRollupRow;
import dev.guardian.ops.verify.OutputCount;
import dev.guardian.ops.verify.OutputQueries;
import dev.guardian.ops.verify.Traffic;
import dev.guardian.ops.verify.TrafficRecord;
import dev.guardian.schemas.MetricPoint;
import dev.guardian.schemas.MetricType;
import dev.guardian.traffic.kafka.PointEncoder;
import dev.guardian.traffic.kafka.WireFormat;
import dev.guardian.traffic.model.Fleet;
import dev.guardian.traffic.model.GeneratedPoint;
import dev.guardian.traffic.model.MetricTraffic;
import dev.guardian.traffic.model.MetricTrafficModel;
import dev.guardian.traffic.model.Series;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The traffic generator's realistic series ({@code guardian generate metrics}), each point unique
 * by series and time, and what the metrics job must make of them: every point once in {@code
 * metric_points}, one rollup row per series and minute in ClickHouse and InfluxDB whose counts add
 * up to the points.
 */
class MetricsTraffic implements Traffic {

    /** The metric of the closing points, left out of every count. */
    static final String WATERMARK_METRIC = "guardian_verify_watermark";

    /** Series the fleet generates: enough that a small run still spreads over partitions. */
    static final int SERIES = 2_800;

    private final long size;
    private final MetricTraffic traffic;
    private final PointEncoder encoder = new PointEncoder(WireFormat.AVRO);
    private final Set<String> seriesMinutes = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private long produced;
    private long lastTimestamp;

    MetricsTraffic(long size, double eventsPerSecond, long seed, long startMillis) {
        this.size = size;
        Fleet fleet = new Fleet(SERIES, seed);
        MetricTrafficModel model =
                new MetricTrafficModel(fleet, seed, startMillis, Optional.empty());
        this.traffic = new MetricTraffic(model, startMillis, eventsPerSecond);
        this.lastTimestamp = startMillis;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public TrafficRecord next() {
        GeneratedPoint point = traffic.next();
        Series series = point.series();
        produced++;
        lastTimestamp = Math.max(lastTimestamp, point.timestampMillis());
        seriesMinutes.add(series.key() + "@" + point.timestampMillis() / 60_000);
        names.add(series.name());
        MetricPoint record =
                PointEncoder.point(
                        series.name(),
                        series.labels(),
                        point.timestampMillis(),
                        point.value(),
                        series.family().isCounter() ? MetricType.COUNTER : MetricType.GAUGE,
                        series.family().unit());
        return TrafficRecord.keyed(PointEncoder.key(series.key()), encoder.encode(record));
    }

    /** One point per partition past the next minute boundary plus the out-of-orderness. */
    @Override
    public List<TrafficRecord> closing(int partitions) {
        long closingTime = (lastTimestamp / 60_000 + 1) * 60_000 + 70_000;
        List<TrafficRecord> records = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            MetricPoint point =
                    PointEncoder.point(
                            WATERMARK_METRIC,
                            Map.of("partition", Integer.toString(p)),
                            closingTime,
                            p,
                            MetricType.GAUGE,
                            "1");
            records.add(
                    new TrafficRecord(
                            PointEncoder.key(WATERMARK_METRIC + p), encoder.encode(point), p));
        }
        return records;
    }

    long produced() {
        return produced;
    }

    /** The metric names sent. */
    Set<String> names() {
        return names;
    }

    long seriesMinutes() {
        return seriesMinutes.size();
    }

    @Override
    public List<OutputCount> count(OutputQueries q) throws IOException {
        return countOutputs(q, produced, seriesMinutes.size());
    }

    /** The metrics job's three outputs against {@code points} points in {@code seriesMinutes}. */
    static List<OutputCount> countOutputs(OutputQueries q, long points, long seriesMinutes)
            throws IOException {
        String db = q.isolation().database();
        String notClosing = " WHERE name != '" + WATERMARK_METRIC + "'";
        String pointsTable = db + "." + MetricPointRow.TABLE;
        String rollupsTable = db + "." + MetricRollupRow.TABLE;
        List<OutputCount> counts = new ArrayList<>();

        long pointsFinal =
                q.clickhouse().number("SELECT count() FROM " + pointsTable + " FINAL" + notClosing);
        long pointsDuplicates =
                q.clickhouse()
                        .number(
                                "SELECT count() - uniqExact(series_id, ts) FROM "
                                        + pointsTable
                                        + notClosing);
        counts.add(
                OutputCount.of(
                        "ClickHouse " + MetricPointRow.TABLE,
                        points,
                        pointsFinal,
                        pointsDuplicates));

        String[] rollups =
                q.clickhouse()
                        .query(
                                "SELECT count(), sum(count) FROM "
                                        + rollupsTable
                                        + " FINAL"
                                        + notClosing)
                        .split("\t");
        long rollupDuplicates =
                q.clickhouse()
                        .number(
                                "SELECT count() - uniqExact(series_id, minute, revision) FROM "
                                        + rollupsTable
                                        + notClosing);
        counts.add(
                OutputCount.of(
                        "ClickHouse " + MetricRollupRow.TABLE + " rows",
                        seriesMinutes,
                        Long.parseLong(rollups[0]),
                        rollupDuplicates));
        counts.add(
                OutputCount.of(
                        "ClickHouse " + MetricRollupRow.TABLE + " sum(count)",
                        points,
                        rollups.length > 1 ? (long) Double.parseDouble(rollups[1]) : 0,
                        -1));

        String measurement = "\"" + MetricRollupPoint.MEASUREMENT + "\"";
        String where = " WHERE \"metric\" != '" + WATERMARK_METRIC + "'";
        long influxPoints =
                q.influxdb().number(db, "SELECT count(\"count\") FROM " + measurement + where);
        long influxSum =
                q.influxdb().number(db, "SELECT sum(\"count\") FROM " + measurement + where);
        counts.add(
                OutputCount.of(
                        "InfluxDB " + MetricRollupPoint.MEASUREMENT + " points",
                        seriesMinutes,
                        influxPoints,
                        -1));
        counts.add(
                OutputCount.of(
                        "InfluxDB " + MetricRollupPoint.MEASUREMENT + " sum(count)",
                        points,
                        influxSum,
                        -1));
        return counts;
    }
}
