package dev.guardian.security.sigma;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Sigma string value compiled to the cheapest test that decides it: equality, prefix, suffix and
 * substring checks run without allocation and, unless {@code cased}, ignore case as the
 * specification requires; any other wildcard layout becomes an anchored regular expression.
 */
final class StringMatcher extends TextMatcher {

    private enum Shape {
        EQUALS,
        PREFIX,
        SUFFIX,
        CONTAINS,
        ANYTHING,
        PATTERN
    }

    private final SigmaString value;
    private final boolean cased;
    private final Shape shape;
    private final String literal;
    private final Pattern pattern;
    private final char first;
    private final char firstOther;

    StringMatcher(SigmaString value, boolean cased) {
        this.value = value;
        this.cased = cased;
        List<Object> parts = value.parts();
        boolean onlyAny =
                !parts.isEmpty() && parts.stream().allMatch(p -> p == SigmaString.Wildcard.ANY);
        Shape s;
        String lit = null;
        if (onlyAny) {
            s = Shape.ANYTHING;
        } else if (!value.hasWildcards()) {
            s = Shape.EQUALS;
            lit = value.plain();
        } else if (parts.size() == 2
                && parts.get(0) instanceof String l
                && parts.get(1) == SigmaString.Wildcard.ANY) {
            s = Shape.PREFIX;
            lit = l;
        } else if (parts.size() == 2
                && parts.get(1) instanceof String l
                && parts.get(0) == SigmaString.Wildcard.ANY) {
            s = Shape.SUFFIX;
            lit = l;
        } else if (parts.size() == 3
                && parts.get(0) == SigmaString.Wildcard.ANY
                && parts.get(1) instanceof String l
                && parts.get(2) == SigmaString.Wildcard.ANY) {
            s = Shape.CONTAINS;
            lit = l;
        } else {
            s = Shape.PATTERN;
        }
        this.shape = s;
        this.literal = lit;
        this.pattern = s == Shape.PATTERN ? toPattern(value, cased) : null;
        char c = lit == null || lit.isEmpty() ? 0 : lit.charAt(0);
        this.first = cased ? c : Character.toLowerCase(c);
        this.firstOther = cased ? c : Character.toUpperCase(c);
    }

    private static Pattern toPattern(SigmaString value, boolean cased) {
        StringBuilder regex = new StringBuilder();
        for (Object part : value.parts()) {
            if (part == SigmaString.Wildcard.ANY) {
                regex.append(".*");
            } else if (part == SigmaString.Wildcard.ONE) {
                regex.append('.');
            } else {
                regex.append(Pattern.quote((String) part));
            }
        }
        int flags = Pattern.DOTALL | (cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }

    @Override
    boolean matchesText(String text) {
        boolean ignoreCase = !cased;
        switch (shape) {
            case ANYTHING:
                return true;
            case EQUALS:
                return text.length() == literal.length()
                        && text.regionMatches(ignoreCase, 0, literal, 0, literal.length());
            case PREFIX:
                return text.regionMatches(ignoreCase, 0, literal, 0, literal.length());
            case SUFFIX:
                return text.regionMatches(
                        ignoreCase, text.length() - literal.length(), literal, 0, literal.length());
            case CONTAINS:
                return contains(text);
            default:
                return pattern.matcher(text).matches();
        }
    }

    private boolean contains(String text) {
        int n = literal.length();
        if (n == 0) {
            return true;
        }
        int last = text.length() - n;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstOther || (!cased && Character.toLowerCase(c) == first))
                    && text.regionMatches(!cased, i, literal, 0, n)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String equalityKey() {
        return shape == Shape.EQUALS ? literal.toLowerCase(Locale.ROOT) : null;
    }

    @Override
    public String toString() {
        return (cased ? "cased '" : "'") + value + "'";
    }
}
