package dev.guardian.connectors.deadletter;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * What the dead-letter sink needs from a dead-letter record, whatever its class (the connectors'
 * {@link RejectedRecord}, the schemas module's Avro {@code DeadLetter}): where the bad input came
 * from, and the payload bytes to publish.
 */
public interface DeadLetterEncoder<T> extends Serializable {

    String sourceTopic(T deadLetter);

    int sourcePartition(T deadLetter);

    long sourceOffset(T deadLetter);

    /** The Kafka record value. */
    byte[] encode(T deadLetter);

    /** {@code <topic>.dlq}, DESIGN §3. */
    default String deadLetterTopic(T deadLetter) {
        return DeadLetterTopics.forSource(sourceTopic(deadLetter));
    }

    /**
     * {@code topic/partition@offset} (as the jobs' own dead-letter sinks key them): the same bad
     * input always gets the same key, so a replay lands next to the first copy and a compacted
     * topic keeps one.
     */
    default byte[] key(T deadLetter) {
        return (sourceTopic(deadLetter)
                        + '/'
                        + sourcePartition(deadLetter)
                        + '@'
                        + sourceOffset(deadLetter))
                .getBytes(StandardCharsets.UTF_8);
    }
}
