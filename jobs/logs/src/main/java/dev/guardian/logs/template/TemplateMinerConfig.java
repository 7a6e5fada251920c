package dev.guardian.logs.template;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of a {@link LogTemplateMiner}. One configuration serves every service: the defaults are
 * the ones measured by {@code guardian eval loghub}.
 */
public final class TemplateMinerConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_TEMPLATES = 1000;
    public static final int DEFAULT_GENERALISE_AFTER = 4;
    public static final int DEFAULT_MIN_CONTEXT_WORDS = 3;
    public static final int DEFAULT_MAX_TOKENS = 128;
    public static final int DEFAULT_CACHE_SIZE = 1024;

    private final int maxTemplates;
    private final int generaliseAfter;
    private final int minContextWords;
    private final int maxTokens;
    private final int cacheSize;

    public TemplateMinerConfig(
            int maxTemplates,
            int generaliseAfter,
            int minContextWords,
            int maxTokens,
            int cacheSize) {
        this.maxTemplates = atLeast("maxTemplates", maxTemplates, 1);
        this.generaliseAfter = atLeast("generaliseAfter", generaliseAfter, 2);
        this.minContextWords = atLeast("minContextWords", minContextWords, 0);
        this.maxTokens = atLeast("maxTokens", maxTokens, 2);
        this.cacheSize = atLeast("cacheSize", cacheSize, 0);
    }

    public static TemplateMinerConfig defaults() {
        return new TemplateMinerConfig(
                DEFAULT_MAX_TEMPLATES,
                DEFAULT_GENERALISE_AFTER,
                DEFAULT_MIN_CONTEXT_WORDS,
                DEFAULT_MAX_TOKENS,
                DEFAULT_CACHE_SIZE);
    }

    /**
     * Cap on live templates per service. Past it the least recently seen template is evicted; its
     * id stays valid downstream (ids are content hashes, so it comes back with the same id).
     */
    public int maxTemplates() {
        return maxTemplates;
    }

    /**
     * How many distinct words one position must show, all else equal, before it becomes a wildcard.
     * Masked tokens (numbers, addresses, paths...) are wildcards from the start.
     */
    public int generaliseAfter() {
        return generaliseAfter;
    }

    /**
     * Constant words a template must keep besides a position for that position to generalise: in a
     * short message a different word is more likely a different event than a parameter.
     */
    public int minContextWords() {
        return minContextWords;
    }

    /** Tokens kept per message; the rest of a longer message becomes one trailing wildcard. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Exact-match cache entries per service (derived data: not checkpointed). */
    public int cacheSize() {
        return cacheSize;
    }

    /** Aliases kept for ids of merged templates, oldest dropped first. */
    public int maxAliases() {
        return 4 * maxTemplates;
    }

    /** Candidate generalisations tracked, least recently touched dropped first. */
    public int maxFamilies() {
        return 16 * maxTemplates;
    }

    public TemplateMinerConfig withMaxTemplates(int value) {
        return new TemplateMinerConfig(
                value, generaliseAfter, minContextWords, maxTokens, cacheSize);
    }

    public TemplateMinerConfig withGeneraliseAfter(int value) {
        return new TemplateMinerConfig(maxTemplates, value, minContextWords, maxTokens, cacheSize);
    }

    public TemplateMinerConfig withMinContextWords(int value) {
        return new TemplateMinerConfig(maxTemplates, generaliseAfter, value, maxTokens, cacheSize);
    }

    public TemplateMinerConfig withMaxTokens(int value) {
        return new TemplateMinerConfig(
                maxTemplates, generaliseAfter, minContextWords, value, cacheSize);
    }

    public TemplateMinerConfig withCacheSize(int value) {
        return new TemplateMinerConfig(
                maxTemplates, generaliseAfter, minContextWords, maxTokens, value);
    }

    private static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TemplateMinerConfig)) {
            return false;
        }
        TemplateMinerConfig that = (TemplateMinerConfig) o;
        return maxTemplates == that.maxTemplates
                && generaliseAfter == that.generaliseAfter
                && minContextWords == that.minContextWords
                && maxTokens == that.maxTokens
                && cacheSize == that.cacheSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxTemplates, generaliseAfter, minContextWords, maxTokens, cacheSize);
    }

    @Override
    public String toString() {
        return "TemplateMinerConfig{maxTemplates="
                + maxTemplates
                + ", generaliseAfter="
                + generaliseAfter
                + ", minContextWords="
                + minContextWords
                + ", maxTokens="
                + maxTokens
                + ", cacheSize="
                + cacheSize
                + '}';
    }
}
