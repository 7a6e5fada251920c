package dev.guardian.connectors.deadletter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record that could not be processed or written, with why: the original bytes, where they came
 * from (Kafka topic/partition/offset, or for a sink the index/table and -1/-1), the error class and
 * message, and when it was rejected. The shape of DESIGN §3's DeadLetter; {@link DeadLetterEncoder}
 * turns it into the topic's payload.
 *
 * <p>A Flink POJO: public no-argument constructor and public fields.
 */
public class RejectedRecord {

    public byte[] originalBytes;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public String errorClass;
    public String errorMessage;

    /** Epoch milliseconds of the rejection. */
    public long rejectedAtMillis;

    public RejectedRecord() {}

    public RejectedRecord(
            byte[] originalBytes,
            String sourceTopic,
            int sourcePartition,
            long sourceOffset,
            String errorClass,
            String errorMessage,
            long rejectedAtMillis) {
        this.originalBytes = originalBytes;
        this.sourceTopic = sourceTopic;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
        this.errorClass = errorClass;
        this.errorMessage = errorMessage;
        this.rejectedAtMillis = rejectedAtMillis;
    }

    /** A rejection caused by an exception: class name and message taken from it. */
    public static RejectedRecord of(
            byte[] originalBytes,
            String sourceTopic,
            int sourcePartition,
            long sourceOffset,
            Throwable error,
            long rejectedAtMillis) {
        return new RejectedRecord(
                originalBytes,
                sourceTopic,
                sourcePartition,
                sourceOffset,
                error.getClass().getName(),
                String.valueOf(error.getMessage()),
                rejectedAtMillis);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RejectedRecord)) {
            return false;
        }
        RejectedRecord that = (RejectedRecord) o;
        return sourcePartition == that.sourcePartition
                && sourceOffset == that.sourceOffset
                && rejectedAtMillis == that.rejectedAtMillis
                && Arrays.equals(originalBytes, that.originalBytes)
                && Objects.equals(sourceTopic, that.sourceTopic)
                && Objects.equals(errorClass, that.errorClass)
                && Objects.equals(errorMessage, that.errorMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceTopic, sourcePartition, sourceOffset);
    }

    @Override
    public String toString() {
        return sourceTopic
                + "/"
                + sourcePartition
                + "@"
                + sourceOffset
                + ": "
                + errorClass
                + ": "
                + errorMessage;
    }
}
