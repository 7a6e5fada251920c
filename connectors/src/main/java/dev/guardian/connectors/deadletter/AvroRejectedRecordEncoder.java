package dev.guardian.connectors.deadletter;

import dev.guardian.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * Publishes a sink's {@link RejectedRecord}s as Avro {@link DeadLetter}s, so documents a service
 * refused (e.g. Elasticsearch mapping errors) read like every other dead letter.
 */
public final class AvroRejectedRecordEncoder implements DeadLetterEncoder<RejectedRecord> {

    private static final long serialVersionUID = 1L;

    private final String job;
    private final String stage;
    private final AvroDeadLetterEncoder avro = new AvroDeadLetterEncoder();

    /**
     * @param job the job name, e.g. {@code guardian-logs}
     * @param stage the failing step, e.g. {@code elasticsearch}; may be null
     */
    public AvroRejectedRecordEncoder(String job, String stage) {
        this.job = Objects.requireNonNull(job, "job");
        this.stage = stage;
    }

    public DeadLetter toDeadLetter(RejectedRecord record) {
        return DeadLetter.newBuilder()
                .setOriginalBytes(
                        ByteBuffer.wrap(
                                record.originalBytes == null ? new byte[0] : record.originalBytes))
                .setOriginalKey(null)
                .setTopic(record.sourceTopic)
                .setPartition(record.sourcePartition)
                .setOffset(record.sourceOffset)
                .setErrorClass(String.valueOf(record.errorClass))
                .setErrorMessage(String.valueOf(record.errorMessage))
                .setFailedAt(Instant.ofEpochMilli(record.rejectedAtMillis))
                .setJob(job)
                .setStage(stage)
                .build();
    }

    @Override
    public String sourceTopic(RejectedRecord deadLetter) {
        return deadLetter.sourceTopic;
    }

    @Override
    public int sourcePartition(RejectedRecord deadLetter) {
        return deadLetter.sourcePartition;
    }

    @Override
    public long sourceOffset(RejectedRecord deadLetter) {
        return deadLetter.sourceOffset;
    }

    @Override
    public byte[] encode(RejectedRecord deadLetter) {
        return avro.encode(toDeadLetter(deadLetter));
    }
}
