package dev.guardian.logs.anomaly;

import java.util.Arrays;

/** What one key logged in one event-time minute. A Flink POJO. */
public class MinuteBucket {

    static final int MAX_EXAMPLES = 3;

    /** Longest example kept: they live in keyed state and travel in anomalies and alerts. */
    static final int MAX_EXAMPLE_CHARS = 1000;

    /** The lines the rule counts (errors, lines of a template, all lines). */
    public long count;

    /** All lines of the key in the minute. */
    public long lines;

    /** The first few counted lines. */
    public String[] examples = new String[0];

    public MinuteBucket() {}

    public void addExample(String line) {
        if (examples.length < MAX_EXAMPLES && line != null) {
            examples = Arrays.copyOf(examples, examples.length + 1);
            examples[examples.length - 1] = cut(line);
        }
    }

    /** {@code line}, or its first {@link #MAX_EXAMPLE_CHARS} characters and an ellipsis. */
    static String cut(String line) {
        if (line == null || line.length() <= MAX_EXAMPLE_CHARS) {
            return line;
        }
        int end = MAX_EXAMPLE_CHARS;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "…";
    }
}
