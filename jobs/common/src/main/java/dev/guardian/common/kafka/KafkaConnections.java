package dev.guardian.common.kafka;

import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builds the Kafka sources and sinks of the jobs from {@link KafkaOptions}. */
public final class KafkaConnections {

    /** Below the broker's default transaction.max.timeout.ms (15 minutes). */
    private static final String TRANSACTION_TIMEOUT_MS = "600000";

    private KafkaConnections() {}

    /** A source of undecoded records stamped with Kafka's timestamp. */
    public static KafkaSource<RawRecord> rawSource(Configuration conf, String topic, String job) {
        return rawSource(conf, topic, job, EventTimeExtractor.kafkaTimestamp());
    }

    /**
     * A source of undecoded records, each stamped by {@code eventTime}; decoding and dead-lettering
     * happen in the job. Use with {@link RawRecordWatermarks#strategy} in {@code fromSource}, so
     * watermarks are kept per partition.
     */
    public static KafkaSource<RawRecord> rawSource(
            Configuration conf, String topic, String job, EventTimeExtractor eventTime) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(conf.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setTopics(topic)
                .setGroupId(conf.get(KafkaOptions.GROUP_ID_PREFIX) + "-" + job)
                .setStartingOffsets(startingOffsets(conf.get(KafkaOptions.STARTING_OFFSETS)))
                .setDeserializer(new RawRecordDeserializer(eventTime))
                // Inputs may be written transactionally by another Guardian job.
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }

    /**
     * A sink writing {@code serializer}'s bytes to {@code topic}. Exactly-once uses Kafka
     * transactions committed on checkpoints, so readers must use read_committed.
     */
    public static <T> KafkaSink<T> sink(
            Configuration conf,
            String topic,
            SerializationSchema<T> keySerializer,
            SerializationSchema<T> valueSerializer,
            DeliveryGuarantee guarantee,
            String job) {
        Properties producer = new Properties();
        producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        producer.setProperty("max.request.size", String.valueOf(4 * 1024 * 1024));
        producer.setProperty("linger.ms", "5");
        KafkaRecordSerializationSchema<T> schema =
                KafkaRecordSerializationSchema.<T>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(keySerializer)
                        .setValueSerializationSchema(valueSerializer)
                        .build();
        return KafkaSink.<T>builder()
                .setBootstrapServers(conf.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(
                        conf.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX) + "-" + job + "-" + topic)
                .build();
    }

    static OffsetsInitializer startingOffsets(String value) {
        switch (value) {
            case "earliest":
                return OffsetsInitializer.earliest();
            case "latest":
                return OffsetsInitializer.latest();
            case "committed-or-earliest":
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            default:
                throw new IllegalArgumentException(
                        KafkaOptions.STARTING_OFFSETS.key()
                                + " must be earliest, latest or committed-or-earliest, got '"
                                + value
                                + "'");
        }
    }
}
