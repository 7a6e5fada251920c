package dev.guardian.logs.template;

import java.util.Arrays;

/**
 * A log message cut into tokens, with variable-looking tokens replaced by {@link #WILDCARD}. Each
 * token remembers the span of the original message it came from, so the parameters of a template
 * are read back from the message text, not from the masked tokens.
 */
public final class MaskedMessage {

    /** The wildcard of masked tokens and of template positions that vary. */
    public static final String WILDCARD = "<*>";

    private final String message;
    private final String[] tokens;
    private final int[] starts;
    private final int[] ends;

    MaskedMessage(String message, String[] tokens, int[] starts, int[] ends) {
        this.message = message;
        this.tokens = tokens;
        this.starts = starts;
        this.ends = ends;
    }

    public String message() {
        return message;
    }

    public int size() {
        return tokens.length;
    }

    public String token(int i) {
        return tokens[i];
    }

    /** The original text behind token {@code i} (several raw tokens if masking merged them). */
    public String original(int i) {
        return message.substring(starts[i], ends[i]);
    }

    String[] tokens() {
        return tokens;
    }

    /** Whether the message has whitespace between tokens {@code i - 1} and {@code i}. */
    public boolean spaceBefore(int i) {
        return i > 0 && starts[i] > ends[i - 1];
    }

    /** {@link #spaceBefore} of every token. */
    boolean[] spacing() {
        boolean[] spacing = new boolean[tokens.length];
        for (int i = 1; i < tokens.length; i++) {
            spacing[i] = spaceBefore(i);
        }
        return spacing;
    }

    /** The masked tokens joined by single spaces: the exact-match key of the message. */
    public String key() {
        return String.join(" ", tokens);
    }

    @Override
    public String toString() {
        return Arrays.toString(tokens);
    }
}
