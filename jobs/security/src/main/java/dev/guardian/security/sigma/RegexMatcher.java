package dev.guardian.security.sigma;

import java.util.regex.Pattern;

/**
 * The {@code re} modifier: a regular expression searched anywhere in the text (not anchored, as
 * most Sigma evaluators do), case-sensitive unless the {@code i} sub-modifier is given.
 */
final class RegexMatcher extends TextMatcher {

    private final Pattern pattern;

    RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    @Override
    boolean matchesText(String text) {
        return pattern.matcher(text).find();
    }

    @Override
    public String toString() {
        return "re '" + pattern.pattern() + "'";
    }
}
