package dev.guardian.security;

import dev.guardian.common.job.DeadLetterKafkaSink;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.connectors.deadletter.DeadLetterPublisher;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchSink;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.sink.AlertFingerprintKey;
import dev.guardian.security.sink.AvroRecordValue;
import dev.guardian.security.sink.DetectionDocument;
import dev.guardian.security.sink.DetectionIdKey;
import dev.guardian.security.sink.DetectionRow;
import dev.guardian.security.sink.SecurityEventRow;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The security job's real outputs: ClickHouse (events for hunting, detections), Kafka (detections
 * and alerts, exactly-once by default: visible to read_committed consumers at each checkpoint),
 * Elasticsearch (detections with their events, by id) and the dead-letter topic.
 */
public class ProductionSecuritySinks implements SecuritySinks {

    private static final long serialVersionUID = 1L;

    private final Configuration conf;

    public ProductionSecuritySinks(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public void events(DataStream<SecurityEvent> events) {
        events.sinkTo(
                        ClickHouseSink.<SecurityEvent>builder()
                                .fromConfig(conf)
                                .setTable(SecurityEventRow.TABLE)
                                .setConverter(new SecurityEventRow())
                                .build())
                .name("ClickHouse " + SecurityEventRow.TABLE)
                .uid("security-sink-clickhouse-events");
    }

    @Override
    public void detections(DataStream<Detection> detections) {
        String topic = conf.get(SecurityJobOptions.DETECTIONS_TOPIC);
        detections
                .sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new DetectionIdKey(),
                                new AvroRecordValue<>(Detection.class),
                                conf.get(SecurityJobOptions.DETECTIONS_DELIVERY),
                                SecurityJob.NAME))
                .name("Kafka " + topic)
                .uid("security-sink-kafka-detections");
        detections
                .sinkTo(
                        ClickHouseSink.<Detection>builder()
                                .fromConfig(conf)
                                .setTable(DetectionRow.TABLE)
                                .setConverter(new DetectionRow())
                                .build())
                .name("ClickHouse " + DetectionRow.TABLE)
                .uid("security-sink-clickhouse-detections");
        String index = conf.get(SecurityJobOptions.DETECTIONS_INDEX);
        detections
                .sinkTo(
                        ElasticsearchSink.<Detection>builder()
                                .fromConfig(conf)
                                .setConverter(new DetectionDocument(index))
                                .setDeadLetterPublisher(
                                        DeadLetterPublisher.avro(
                                                conf.get(KafkaOptions.BOOTSTRAP_SERVERS),
                                                conf.get(ElasticsearchOptions.DEAD_LETTER_TOPIC),
                                                SecurityJob.NAME,
                                                "elasticsearch " + index))
                                .build())
                .name("Elasticsearch " + index)
                .uid("security-sink-elasticsearch-detections");
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        String topic = conf.get(SecurityJobOptions.ALERTS_TOPIC);
        alerts.sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new AlertFingerprintKey(),
                                new AvroRecordValue<>(Alert.class),
                                conf.get(SecurityJobOptions.DETECTIONS_DELIVERY),
                                SecurityJob.NAME))
                .name("Kafka " + topic)
                .uid("security-sink-kafka-alerts");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        String topic = conf.get(SecurityJobOptions.DEAD_LETTER_TOPIC);
        deadLetters
                .sinkTo(DeadLetterKafkaSink.create(conf, topic, SecurityJob.NAME))
                .name("Kafka " + topic)
                .uid("security-sink-dead-letters");
    }
}
