package dev.guardian.metrics;

import dev.guardian.common.job.DeadLetterKafkaSink;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.connectors.deadletter.DeadLetterPublisher;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchSink;
import dev.guardian.connectors.influxdb.InfluxDbSink;
import dev.guardian.metrics.anomaly.AnomalyScore;
import dev.guardian.metrics.sink.AlertFingerprintKey;
import dev.guardian.metrics.sink.AnomalyDocument;
import dev.guardian.metrics.sink.AnomalyIdKey;
import dev.guardian.metrics.sink.AnomalyRow;
import dev.guardian.metrics.sink.AnomalyScorePoint;
import dev.guardian.metrics.sink.AvroValue;
import dev.guardian.metrics.sink.MetricPointRow;
import dev.guardian.metrics.sink.MetricRollupPoint;
import dev.guardian.metrics.sink.MetricRollupRow;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The metrics job's real outputs: ClickHouse, Elasticsearch, InfluxDB, the Kafka output topics
 * (exactly-once: visible to read_committed consumers at each checkpoint) and the dead-letter topic.
 */
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
    public void anomalies(DataStream<Anomaly> anomalies) {
        String topic = conf.get(MetricsJobOptions.ANOMALIES_TOPIC);
        anomalies
                .sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new AnomalyIdKey(),
                                new AvroValue<>(Anomaly.class),
                                DeliveryGuarantee.EXACTLY_ONCE,
                                MetricsJob.NAME))
                .name("Kafka " + topic)
                .uid("metrics-sink-kafka-anomalies");
        anomalies
                .sinkTo(
                        ClickHouseSink.<Anomaly>builder()
                                .fromConfig(conf)
                                .setTable(AnomalyRow.TABLE)
                                .setConverter(new AnomalyRow())
                                .build())
                .name("ClickHouse anomalies")
                .uid("metrics-sink-clickhouse-anomalies");
        String index = conf.get(MetricsJobOptions.ANOMALIES_INDEX);
        anomalies
                .sinkTo(
                        ElasticsearchSink.<Anomaly>builder()
                                .fromConfig(conf)
                                .setConverter(new AnomalyDocument(index))
                                .setDeadLetterPublisher(
                                        DeadLetterPublisher.avro(
                                                conf.get(KafkaOptions.BOOTSTRAP_SERVERS),
                                                conf.get(ElasticsearchOptions.DEAD_LETTER_TOPIC),
                                                MetricsJob.NAME,
                                                "elasticsearch " + index))
                                .build())
                .name("Elasticsearch " + index)
                .uid("metrics-sink-elasticsearch-anomalies");
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        String topic = conf.get(MetricsJobOptions.ALERTS_TOPIC);
        alerts.sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new AlertFingerprintKey(),
                                new AvroValue<>(Alert.class),
                                DeliveryGuarantee.EXACTLY_ONCE,
                                MetricsJob.NAME))
                .name("Kafka " + topic)
                .uid("metrics-sink-kafka-alerts");
    }

    @Override
    public void anomalyScores(DataStream<AnomalyScore> scores) {
        scores.sinkTo(
                        InfluxDbSink.<AnomalyScore>builder()
                                .fromConfig(conf)
                                .setConverter(new AnomalyScorePoint())
                                .build())
                .name("InfluxDB anomaly_scores")
                .uid("metrics-sink-influxdb-anomaly-scores");
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
