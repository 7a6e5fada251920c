package dev.guardian.billing.cli;

import dev.guardian.billing.record.RecordIds;
import dev.guardian.schemas.BillingRecord;
import dev.guardian.schemas.serde.RecordCodec;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import dev.guardian.traffic.kafka.WireFormat;
import java.nio.charset.StandardCharsets;

/**
 * Sends billing records to Kafka in Avro or JSON, keyed by their stable record id so every version
 * of a line lands on one partition, in order.
 */
final class BillingRecordSender implements AutoCloseable {

    private final KafkaPointWriter writer;
    private final WireFormat format;
    private final RecordCodec<BillingRecord> codec = RecordCodec.of(BillingRecord.class);
    private long sent;

    BillingRecordSender(KafkaPointWriter writer, WireFormat format) {
        this.writer = writer;
        this.format = format;
    }

    static BillingRecordSender open(
            String bootstrap, String topic, String clientId, WireFormat format) {
        return new BillingRecordSender(
                KafkaPointWriter.open(
                        bootstrap, topic, clientId, KafkaPointWriter.DEFAULT_MAX_IN_FLIGHT),
                format);
    }

    void send(BillingRecord record) throws InterruptedException {
        byte[] key = RecordIds.idOf(record).getBytes(StandardCharsets.UTF_8);
        byte[] value = format == WireFormat.AVRO ? codec.encode(record) : codec.toJsonBytes(record);
        writer.send(key, value);
        sent++;
    }

    /** Sends bytes as they are (a bad record on purpose, or a producer's JSON). */
    void sendRaw(byte[] key, byte[] value) throws InterruptedException {
        writer.send(key, value);
        sent++;
    }

    long sent() {
        return sent;
    }

    long acknowledged() {
        return writer.acknowledged();
    }

    void flush() throws InterruptedException {
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
