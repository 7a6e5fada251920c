package dev.guardian.security.sigma;

import java.util.regex.Pattern;

/**
 * The {@code re} modifier: a regular expression searched anywhere in the text (not anchored, as
 * most Sigma evaluators do), case-sensitive unless the {@code i} sub-modifier is given.
 *
 * <p>Sigma regexes often start with {@code .+} or {@code .*}, which makes an unanchored search
 * quadratic in the text length. When the expression is simple enough to be sure of a literal it
 * must contain, a substring check on that literal rejects most texts before the regex runs.
 */
final class RegexMatcher extends TextMatcher {

    private final Pattern pattern;
    private final String required;
    private final boolean ignoreCase;

    RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
        this.required = requiredLiteral(pattern.pattern());
        this.ignoreCase = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
    }

    @Override
    boolean matchesText(String text) {
        if (required != null && !contains(text)) {
            return false;
        }
        return pattern.matcher(text).find();
    }

    private boolean contains(String text) {
        if (!ignoreCase) {
            return text.contains(required);
        }
        int n = required.length();
        for (int i = 0; i <= text.length() - n; i++) {
            if (text.regionMatches(true, i, required, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest run of literal characters every match contains, or null when the expression has
     * alternation, groups, classes or counted repetition (then nothing is assumed).
     */
    static String requiredLiteral(String regex) {
        StringBuilder run = new StringBuilder();
        String best = "";
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if ("|()[]{}".indexOf(c) >= 0) {
                return null;
            }
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return null;
                }
                char next = regex.charAt(++i);
                if (Character.isLetterOrDigit(next)) {
                    // \d, \w, \s, \b, \Q...: not a plain literal
                    if (next == 'Q' || next == 'E') {
                        return null;
                    }
                    best = longer(best, run);
                    run.setLength(0);
                } else {
                    run.append(next);
                }
                continue;
            }
            if (c == '*' || c == '?') {
                // the previous character is optional
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                run.setLength(0);
            } else if (c == '+') {
                best = longer(best, run);
                run.setLength(0);
            } else if (c == '.' || c == '^' || c == '$') {
                best = longer(best, run);
                run.setLength(0);
            } else {
                run.append(c);
            }
        }
        best = longer(best, run);
        return best.length() >= 2 ? best : null;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    @Override
    public String toString() {
        return "re '" + pattern.pattern() + "'";
    }
}
