package dev.guardian.connectors.deadletter;

import dev.guardian.schemas.DeadLetter;
import dev.guardian.schemas.serde.RecordCodec;

/** The schemas module's Avro {@link DeadLetter}, single-object encoded: DESIGN §3's payload. */
public final class AvroDeadLetterEncoder implements DeadLetterEncoder<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<DeadLetter> codec = RecordCodec.of(DeadLetter.class);

    @Override
    public String sourceTopic(DeadLetter deadLetter) {
        return deadLetter.getTopic();
    }

    @Override
    public int sourcePartition(DeadLetter deadLetter) {
        return deadLetter.getPartition();
    }

    @Override
    public long sourceOffset(DeadLetter deadLetter) {
        return deadLetter.getOffset();
    }

    @Override
    public byte[] encode(DeadLetter deadLetter) {
        return codec.encode(deadLetter);
    }
}
