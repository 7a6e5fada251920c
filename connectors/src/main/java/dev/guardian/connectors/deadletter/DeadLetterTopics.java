package dev.guardian.connectors.deadletter;

/** Naming of dead-letter topics: the one place that knows the {@code .dlq} suffix. */
public final class DeadLetterTopics {

    public static final String SUFFIX = ".dlq";

    private DeadLetterTopics() {}

    public static String forSource(String sourceTopic) {
        if (sourceTopic == null || sourceTopic.isEmpty()) {
            throw new IllegalArgumentException("a dead letter needs its source topic");
        }
        return sourceTopic.endsWith(SUFFIX) ? sourceTopic : sourceTopic + SUFFIX;
    }
}
