package dev.guardian.logs;

import dev.guardian.common.job.DeadLetterKafkaSink;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.connectors.deadletter.DeadLetterPublisher;
import dev.guardian.connectors.elasticsearch.ElasticsearchSink;
import dev.guardian.logs.sink.AlertKey;
import dev.guardian.logs.sink.AnomalyDocument;
import dev.guardian.logs.sink.AnomalyKey;
import dev.guardian.logs.sink.AnomalyRow;
import dev.guardian.logs.sink.AvroRecordValue;
import dev.guardian.logs.sink.ExpandTemplateMerges;
import dev.guardian.logs.sink.LogDocument;
import dev.guardian.logs.sink.TemplateCountRow;
import dev.guardian.logs.sink.TemplateRow;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The logs job's real outputs: the lines to an Elasticsearch data stream; templates and per-minute
 * counts to ClickHouse; anomalies to Kafka, ClickHouse and Elasticsearch; alerts to Kafka; dead
 * letters (and documents Elasticsearch refuses for good) to {@code logs.events.dlq}. Kafka and
 * ClickHouse commit with checkpoints (exactly-once); Elasticsearch writes by deterministic id.
 */
public class ProductionLogsSinks implements LogsSinks {

    private static final long serialVersionUID = 1L;

    private final Configuration conf;

    public ProductionLogsSinks(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public void records(DataStream<LogRecord> records) {
        records.sinkTo(
                        ElasticsearchSink.<LogRecord>builder()
                                .fromConfig(conf)
                                .setConverter(
                                        new LogDocument(
                                                conf.get(LogsJobOptions.DATA_STREAM),
                                                conf.get(LogsJobOptions.DATA_STREAM_PER_SERVICE)))
                                .setDeadLetterPublisher(refusedDocuments())
                                .build())
                .name("Elasticsearch " + conf.get(LogsJobOptions.DATA_STREAM))
                .uid("logs-sink-elasticsearch-lines");
    }

    @Override
    public void templates(DataStream<TemplateEvent> templates) {
        templates
                .flatMap(new ExpandTemplateMerges())
                .name("Template rows")
                .uid("logs-template-rows")
                .sinkTo(
                        ClickHouseSink.<TemplateEvent>builder()
                                .fromConfig(conf)
                                .setTable(TemplateRow.TABLE)
                                .setConverter(new TemplateRow())
                                .build())
                .name("ClickHouse " + TemplateRow.TABLE)
                .uid("logs-sink-clickhouse-templates");
    }

    @Override
    public void templateCounts(DataStream<TemplateCount> counts) {
        counts.sinkTo(
                        ClickHouseSink.<TemplateCount>builder()
                                .fromConfig(conf)
                                .setTable(TemplateCountRow.TABLE)
                                .setConverter(new TemplateCountRow())
                                .build())
                .name("ClickHouse " + TemplateCountRow.TABLE)
                .uid("logs-sink-clickhouse-template-counts");
    }

    @Override
    public void anomalies(DataStream<Anomaly> anomalies) {
        String topic = conf.get(LogsJobOptions.ANOMALIES_TOPIC);
        anomalies
                .sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new AnomalyKey(),
                                new AvroRecordValue<>(Anomaly.class),
                                DeliveryGuarantee.EXACTLY_ONCE,
                                LogsJob.NAME))
                .name("Kafka " + topic)
                .uid("logs-sink-kafka-anomalies");
        // Every source writes this table: a token prefix of the job's own keeps their
        // deduplication tokens apart.
        anomalies
                .sinkTo(
                        ClickHouseSink.<Anomaly>builder()
                                .fromConfig(conf)
                                .setTable(AnomalyRow.TABLE)
                                .setConverter(new AnomalyRow())
                                .setDedupTokenPrefix("guardian_logs." + AnomalyRow.TABLE)
                                .build())
                .name("ClickHouse " + AnomalyRow.TABLE)
                .uid("logs-sink-clickhouse-anomalies");
        String index = conf.get(LogsJobOptions.ANOMALIES_INDEX);
        anomalies
                .sinkTo(
                        ElasticsearchSink.<Anomaly>builder()
                                .fromConfig(conf)
                                .setConverter(new AnomalyDocument(index))
                                .setDeadLetterPublisher(refusedDocuments())
                                .build())
                .name("Elasticsearch " + index)
                .uid("logs-sink-elasticsearch-anomalies");
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        String topic = conf.get(LogsJobOptions.ALERTS_TOPIC);
        alerts.sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new AlertKey(),
                                new AvroRecordValue<>(Alert.class),
                                DeliveryGuarantee.EXACTLY_ONCE,
                                LogsJob.NAME))
                .name("Kafka " + topic)
                .uid("logs-sink-kafka-alerts");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        String topic = conf.get(LogsJobOptions.DEAD_LETTER_TOPIC);
        deadLetters
                .sinkTo(DeadLetterKafkaSink.create(conf, topic, LogsJob.NAME))
                .name("Kafka " + topic)
                .uid("logs-sink-dead-letters");
    }

    private DeadLetterPublisher<dev.guardian.connectors.deadletter.RejectedRecord>
            refusedDocuments() {
        return DeadLetterPublisher.avro(
                conf.get(KafkaOptions.BOOTSTRAP_SERVERS),
                conf.get(LogsJobOptions.DEAD_LETTER_TOPIC),
                LogsJob.NAME,
                "elasticsearch");
    }
}
