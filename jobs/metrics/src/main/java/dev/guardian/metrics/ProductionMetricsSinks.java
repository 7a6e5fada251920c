package dev.guardian.metrics;

import dev.guardian.common.job.DeadLetterKafkaSink;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.connectors.influxdb.InfluxDbSink;
import dev.guardian.metrics.sink.MetricPointRow;
import dev.guardian.metrics.sink.MetricRollupPoint;
import dev.guardian.metrics.sink.MetricRollupRow;
import dev.guardian.schemas.DeadLetter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The metrics job's real outputs: ClickHouse, InfluxDB and the Kafka dead-letter topic. */
public class ProductionMetricsSinks implements MetricsSinks {

    private static final long serialVersionUID = 1L;

    private final Configuration conf;

    public ProductionMetricsSinks(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public void points(DataStream<MetricSample> points) {
        points.sinkTo(
                        ClickHouseSink.<MetricSample>builder()
                                .fromConfig(conf)
                                .setTable(MetricPointRow.TABLE)
                                .setConverter(new MetricPointRow())
                                .build())
                .name("ClickHouse metric_points")
                .uid("metrics-sink-clickhouse-points");
    }

    @Override
    public void rollups(DataStream<MetricRollup> rollups) {
        rollups.sinkTo(
                        ClickHouseSink.<MetricRollup>builder()
                                .fromConfig(conf)
                                .setTable(MetricRollupRow.TABLE)
                                .setConverter(new MetricRollupRow())
                                .build())
                .name("ClickHouse metric_rollups_1m")
                .uid("metrics-sink-clickhouse-rollups");
        rollups.sinkTo(
                        InfluxDbSink.<MetricRollup>builder()
                                .fromConfig(conf)
                                .setConverter(new MetricRollupPoint())
                                .build())
                .name("InfluxDB metric_rollups_1m")
                .uid("metrics-sink-influxdb-rollups");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters
                .sinkTo(
                        DeadLetterKafkaSink.create(
                                conf,
                                conf.get(MetricsJobOptions.DEAD_LETTER_TOPIC),
                                MetricsJob.NAME))
                .name("Kafka metrics.points.dlq")
                .uid("metrics-sink-dead-letters");
    }
}
