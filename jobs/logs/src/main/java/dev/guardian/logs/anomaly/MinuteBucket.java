package dev.guardian.logs.anomaly;

import java.util.Arrays;

/** What one key logged in one event-time minute. A Flink POJO. */
public class MinuteBucket {

    static final int MAX_EXAMPLES = 3;

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
            examples[examples.length - 1] = line;
        }
    }
}
