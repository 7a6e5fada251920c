package dev.guardian.common.job;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side output every job routes bad records to, and how a dead letter is made. */
public final class DeadLetters {

    private DeadLetters() {}

    /** Longest error message kept: the bytes are kept whole, the reason need not be a novel. */
    static final int MAX_REASON_LENGTH = 2_000;

    public static TypeInformation<DeadLetter> typeInfo() {
        return AvroRecordTypeInfo.forRecord(DeadLetter.class);
    }

    public static OutputTag<DeadLetter> tag() {
        return new OutputTag<>("dead-letters", typeInfo());
    }

    public static DeadLetter of(
            RawRecord record, Throwable error, String job, String stage, long nowMillis) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return DeadLetter.newBuilder()
                .setOriginalBytes(
                        ByteBuffer.wrap(record.value == null ? new byte[0] : record.value))
                .setTopic(record.topic == null ? "" : record.topic)
                .setPartition(record.partition)
                .setOffset(record.offset)
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(message)
                .setFailedAt(Instant.ofEpochMilli(nowMillis))
                .setJob(job)
                .setStage(stage)
                .build();
    }
}
