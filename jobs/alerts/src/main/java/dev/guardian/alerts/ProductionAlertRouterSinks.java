package dev.guardian.alerts;

import dev.guardian.alerts.deliver.DeliveryLedger;
import dev.guardian.alerts.deliver.ElasticsearchDeliveryLedger;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.sink.AlertRecordDocument;
import dev.guardian.alerts.sink.AlertRecordRow;
import dev.guardian.alerts.sink.DeliveryAttemptDocument;
import dev.guardian.alerts.sink.DeliveryAttemptRow;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.job.DeadLetterKafkaSink;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.connectors.elasticsearch.ElasticsearchConnection;
import dev.guardian.connectors.elasticsearch.ElasticsearchSink;
import dev.guardian.schemas.DeadLetter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The router's real outputs: ClickHouse ({@code guardian.alerts}, {@code
 * guardian.alert_deliveries}), Elasticsearch ({@code guardian-alerts}, {@code guardian-deliveries},
 * the delivery ledger) and the Kafka dead-letter topics.
 */
public class ProductionAlertRouterSinks implements AlertRouterSinks {

    private static final long serialVersionUID = 1L;

    private final Configuration conf;

    public ProductionAlertRouterSinks(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public void alertRecords(DataStream<AlertRecord> records) {
        records.sinkTo(
                        ClickHouseSink.<AlertRecord>builder()
                                .fromConfig(conf)
                                .setTable(conf.get(AlertRouterOptions.ALERTS_TABLE))
                                .setConverter(new AlertRecordRow())
                                .build())
                .name("ClickHouse " + conf.get(AlertRouterOptions.ALERTS_TABLE))
                .uid("alerts-sink-clickhouse-alerts");
        records.sinkTo(
                        ElasticsearchSink.<AlertRecord>builder()
                                .fromConfig(conf)
                                .setConverter(
                                        new AlertRecordDocument(
                                                conf.get(AlertRouterOptions.ALERTS_INDEX)))
                                .build())
                .name("Elasticsearch " + conf.get(AlertRouterOptions.ALERTS_INDEX))
                .uid("alerts-sink-elasticsearch-alerts");
    }

    @Override
    public void deliveryAttempts(DataStream<DeliveryAttemptRecord> attempts) {
        attempts.sinkTo(
                        ClickHouseSink.<DeliveryAttemptRecord>builder()
                                .fromConfig(conf)
                                .setTable(conf.get(AlertRouterOptions.DELIVERIES_TABLE))
                                .setConverter(new DeliveryAttemptRow())
                                .build())
                .name("ClickHouse " + conf.get(AlertRouterOptions.DELIVERIES_TABLE))
                .uid("alerts-sink-clickhouse-deliveries");
        attempts.sinkTo(
                        ElasticsearchSink.<DeliveryAttemptRecord>builder()
                                .fromConfig(conf)
                                .setConverter(
                                        new DeliveryAttemptDocument(
                                                conf.get(AlertRouterOptions.DELIVERIES_INDEX)))
                                .build())
                .name("Elasticsearch " + conf.get(AlertRouterOptions.DELIVERIES_INDEX))
                .uid("alerts-sink-elasticsearch-deliveries");
    }

    @Override
    public void deliveryDeadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters
                .sinkTo(
                        DeadLetterKafkaSink.create(
                                conf,
                                conf.get(AlertRouterOptions.DELIVERY_DEAD_LETTER_TOPIC),
                                AlertRouterJob.NAME))
                .name("Kafka " + conf.get(AlertRouterOptions.DELIVERY_DEAD_LETTER_TOPIC))
                .uid("alerts-sink-delivery-dead-letters");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters
                .sinkTo(
                        DeadLetterKafkaSink.create(
                                conf,
                                conf.get(AlertRouterOptions.DEAD_LETTER_TOPIC),
                                AlertRouterJob.NAME))
                .name("Kafka " + conf.get(AlertRouterOptions.DEAD_LETTER_TOPIC))
                .uid("alerts-sink-dead-letters");
    }

    @Override
    public DeliveryLedger deliveryLedger() {
        String kind = conf.get(AlertRouterOptions.DELIVERY_LEDGER);
        switch (kind) {
            case "elasticsearch":
                return new ElasticsearchDeliveryLedger(
                        ElasticsearchConnection.fromConfig(conf),
                        conf.get(AlertRouterOptions.LEDGER_INDEX));
            case "none":
                return DeliveryLedger.none();
            default:
                throw new UsageException(
                        AlertRouterOptions.DELIVERY_LEDGER.key()
                                + " must be elasticsearch or none, got '"
                                + kind
                                + "'");
        }
    }
}
