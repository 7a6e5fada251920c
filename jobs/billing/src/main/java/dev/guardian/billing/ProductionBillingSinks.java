package dev.guardian.billing;

import dev.guardian.billing.budget.BudgetStatus;
import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.billing.rollup.CostRollup;
import dev.guardian.billing.rollup.RollupGranularity;
import dev.guardian.billing.sink.AvroKafkaValue;
import dev.guardian.billing.sink.BillingRecordRow;
import dev.guardian.billing.sink.BudgetStatusRow;
import dev.guardian.billing.sink.CostAlertRow;
import dev.guardian.billing.sink.CostAnomalyRow;
import dev.guardian.billing.sink.CostRollupRow;
import dev.guardian.billing.sink.ForecastPointRow;
import dev.guardian.billing.sink.ForecastPoints;
import dev.guardian.billing.sink.KafkaKeys;
import dev.guardian.billing.sink.SharedAnomalyRow;
import dev.guardian.common.job.DeadLetterKafkaSink;
import dev.guardian.common.kafka.KafkaConnections;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.Forecast;
import java.util.Locale;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The billing job's real outputs: ClickHouse tables and Kafka topics. */
public class ProductionBillingSinks implements BillingSinks {

    private static final long serialVersionUID = 1L;

    private final Configuration conf;

    public ProductionBillingSinks(Configuration conf) {
        this.conf = conf;
    }

    private <T> void clickHouse(
            DataStream<T> stream, String table, ClickHouseRowConverter<T> converter) {
        stream.sinkTo(
                        ClickHouseSink.<T>builder()
                                .fromConfig(conf)
                                .setTable(table)
                                .setConverter(converter)
                                .build())
                .name("ClickHouse " + table)
                .uid("billing-sink-clickhouse-" + table.replace('_', '-'));
    }

    private DeliveryGuarantee kafkaGuarantee() {
        return conf.get(BillingJobOptions.KAFKA_DELIVERY_GUARANTEE);
    }

    @Override
    public void records(DataStream<BillingDelivery> records) {
        clickHouse(records, BillingRecordRow.TABLE, new BillingRecordRow());
    }

    @Override
    public void rollups(RollupGranularity granularity, DataStream<CostRollup> rollups) {
        clickHouse(rollups, CostRollupRow.tableOf(granularity), new CostRollupRow(granularity));
    }

    @Override
    public void forecasts(DataStream<Forecast> forecasts) {
        String topic = conf.get(BillingJobOptions.FORECAST_TOPIC);
        forecasts
                .sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new KafkaKeys.ForecastEntity(),
                                new AvroKafkaValue<>(Forecast.class),
                                kafkaGuarantee(),
                                BillingJob.NAME))
                .name("Kafka " + topic)
                .uid("billing-sink-kafka-forecasts");
        clickHouse(
                forecasts
                        .flatMap(new ForecastPoints())
                        .returns(TypeInformation.of(ForecastPointRow.Point.class))
                        .name("Forecast points")
                        .uid("billing-forecast-points"),
                ForecastPointRow.TABLE,
                new ForecastPointRow());
    }

    @Override
    public void anomalies(DataStream<Anomaly> anomalies) {
        String topic = conf.get(BillingJobOptions.ANOMALY_TOPIC);
        anomalies
                .sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new KafkaKeys.AnomalyEntity(),
                                new AvroKafkaValue<>(Anomaly.class),
                                kafkaGuarantee(),
                                BillingJob.NAME))
                .name("Kafka " + topic)
                .uid("billing-sink-kafka-anomalies");
        clickHouse(anomalies, CostAnomalyRow.TABLE, new CostAnomalyRow());
        clickHouse(anomalies, SharedAnomalyRow.TABLE, new SharedAnomalyRow());
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        String topic = conf.get(BillingJobOptions.ALERT_TOPIC);
        alerts.sinkTo(
                        KafkaConnections.sink(
                                conf,
                                topic,
                                new KafkaKeys.AlertFingerprint(),
                                new AvroKafkaValue<>(Alert.class),
                                kafkaGuarantee(),
                                BillingJob.NAME))
                .name("Kafka " + topic)
                .uid("billing-sink-kafka-alerts");
        clickHouse(alerts, CostAlertRow.TABLE, new CostAlertRow());
    }

    @Override
    public void budgetStatus(DataStream<BudgetStatus> status) {
        clickHouse(status, BudgetStatusRow.TABLE, new BudgetStatusRow());
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        String topic = conf.get(BillingJobOptions.DEAD_LETTER_TOPIC);
        deadLetters
                .sinkTo(DeadLetterKafkaSink.create(conf, topic, BillingJob.NAME))
                .name("Kafka " + topic.toLowerCase(Locale.ROOT))
                .uid("billing-sink-dead-letters");
    }
}
