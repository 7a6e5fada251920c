package dev.guardian.ops.verify;

/**
 * A job the failure verification can run: how to start it, what to feed it and how to check what it
 * wrote. One implementation per job; {@link VerifiedJobs} lists them.
 */
public interface VerifiedJob {

    /** The name users type ({@code metrics}), as in {@code guardian submit}. */
    String name();

    /** The main class inside the shaded job jar. */
    String entryClass();

    /** Key of the setting naming the input topic. */
    String inputTopicKey();

    /** Key of the setting naming the dead-letter topic of the input. */
    String deadLetterTopicKey();

    /**
     * {@code events} good records paced for {@code eventsPerSecond}, their event times starting at
     * {@code startMillis}.
     */
    Traffic traffic(long events, double eventsPerSecond, long seed, long startMillis);

    /**
     * {@code bad} random and mutated records mixed with {@code good} records; the traffic knows
     * which ones the job must dead-letter.
     */
    FuzzTraffic fuzz(long bad, long good, double eventsPerSecond, long seed, long startMillis);
}
