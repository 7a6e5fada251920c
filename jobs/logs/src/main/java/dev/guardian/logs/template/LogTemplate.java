package dev.guardian.logs.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One template of a service: constant tokens and {@link MaskedMessage#WILDCARD}s, with its
 * statistics. Its id is a hash of its text, so the same template gets the same id in any replay,
 * after a restore and after being evicted and learnt again.
 */
public final class LogTemplate {

    private final String id;
    private final String[] tokens;
    private final boolean[] wildcard;
    private final int constantWords;
    private final int constantPositions;
    private final String text;
    private final boolean[] spacing;
    private long count;
    private long firstSeen;
    private long lastSeen;
    private long lastUsed;
    private String example;

    LogTemplate(String[] tokens, String example, boolean[] spacing) {
        this(tokens, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, example, spacing);
    }

    /**
     * @param spacing whether whitespace precedes each token in the text (as in the example), or
     *     {@code null} to separate every token by a space
     */
    LogTemplate(
            String[] tokens,
            long count,
            long firstSeen,
            long lastSeen,
            long lastUsed,
            String example,
            boolean[] spacing) {
        this.tokens = tokens;
        this.id = idOf(tokens);
        this.constantWords = countConstantWords(tokens);
        this.wildcard = new boolean[tokens.length];
        int constants = 0;
        for (int i = 0; i < tokens.length; i++) {
            wildcard[i] = MaskedMessage.WILDCARD.equals(tokens[i]);
            constants += wildcard[i] ? 0 : 1;
        }
        this.constantPositions = constants;
        this.spacing =
                spacing != null && spacing.length == tokens.length ? spacing : allSpaced(tokens);
        this.text = render(tokens, this.spacing);
        this.count = count;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.lastUsed = lastUsed;
        this.example = truncate(example);
    }

    /** Longest example kept: a template set must stay small whatever the lines. */
    static final int MAX_EXAMPLE_LENGTH = 2048;

    private static String truncate(String example) {
        if (example == null || example.length() <= MAX_EXAMPLE_LENGTH) {
            return example;
        }
        return example.substring(0, MAX_EXAMPLE_LENGTH) + "…[truncated]";
    }

    /** 16 hex digits of the 64-bit FNV-1a hash of the template text. */
    public static String idOf(String[] tokens) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                hash = (hash ^ ' ') * 0x100000001b3L;
            }
            for (byte b : tokens[i].getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
        }
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }

    public String id() {
        return id;
    }

    /**
     * The template text for people: the tokens, variables as {@code <*>}, spaced as in the
     * template's example message. (The id hashes the tokens, not this text.)
     */
    public String text() {
        return text;
    }

    boolean[] spacing() {
        return spacing;
    }

    private static boolean[] allSpaced(String[] tokens) {
        boolean[] spacing = new boolean[tokens.length];
        java.util.Arrays.fill(spacing, true);
        if (tokens.length > 0) {
            spacing[0] = false;
        }
        return spacing;
    }

    private static String render(String[] tokens, boolean[] spacing) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0 && spacing[i]) {
                text.append(' ');
            }
            text.append(tokens[i]);
        }
        return text.toString();
    }

    public int size() {
        return tokens.length;
    }

    public String token(int i) {
        return tokens[i];
    }

    String[] tokens() {
        return tokens;
    }

    public boolean isWildcard(int i) {
        return wildcard[i];
    }

    boolean hasWildcard() {
        for (boolean w : wildcard) {
            if (w) {
                return true;
            }
        }
        return false;
    }

    /** Lines that matched this template, including those of templates merged into it. */
    public long count() {
        return count;
    }

    /** Event time of the earliest line, {@link Long#MAX_VALUE} before the first. */
    public long firstSeen() {
        return firstSeen;
    }

    /** Event time of the latest line, {@link Long#MIN_VALUE} before the first. */
    public long lastSeen() {
        return lastSeen;
    }

    /** The miner's line sequence number when this template last matched: the eviction order. */
    long lastUsed() {
        return lastUsed;
    }

    /** One original message of this template (the first one seen). */
    public String example() {
        return example;
    }

    int constantPositions() {
        return constantPositions;
    }

    int constantWords() {
        return constantWords;
    }

    /** Whether every constant position of this template equals the token at that position. */
    boolean matches(String[] other) {
        if (other.length != tokens.length) {
            return false;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (!wildcard[i] && !tokens[i].equals(other[i])) {
                return false;
            }
        }
        return true;
    }

    void record(long timestamp, long sequence) {
        count++;
        firstSeen = Math.min(firstSeen, timestamp);
        lastSeen = Math.max(lastSeen, timestamp);
        lastUsed = sequence;
    }

    void absorb(LogTemplate other) {
        count += other.count;
        firstSeen = Math.min(firstSeen, other.firstSeen);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        lastUsed = Math.max(lastUsed, other.lastUsed);
        if (example == null) {
            example = truncate(other.example);
        }
    }

    static boolean isWord(String token) {
        if (MaskedMessage.WILDCARD.equals(token)) {
            return false;
        }
        return !(token.length() == 1 && LogTokenizer.isDelimiter(token.charAt(0)))
                && !token.equals("..");
    }

    private static int countConstantWords(String[] tokens) {
        int words = 0;
        for (String token : tokens) {
            if (isWord(token)) {
                words++;
            }
        }
        return words;
    }

    @Override
    public String toString() {
        return id + " " + text() + " (" + count + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogTemplate && Arrays.equals(tokens, ((LogTemplate) o).tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }
}
