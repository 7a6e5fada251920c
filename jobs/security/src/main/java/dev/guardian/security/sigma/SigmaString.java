package dev.guardian.security.sigma;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Sigma string value: literal text with the wildcards {@code *} (any run) and {@code ?} (one
 * character). A backslash escapes {@code *}, {@code ?} and itself; before any other character it is
 * an ordinary backslash, as in the specification.
 *
 * <p>Immutable. Modifiers such as {@code contains} or {@code wide} return new instances.
 */
public final class SigmaString {

    /** A wildcard part; every other part is a literal {@link String}. */
    enum Wildcard {
        ANY,
        ONE
    }

    private final List<Object> parts;

    /** True when the literals hold bytes (one char per byte), e.g. after {@code wide}. */
    private final boolean binary;

    private SigmaString(List<Object> parts, boolean binary) {
        this.parts = Collections.unmodifiableList(parts);
        this.binary = binary;
    }

    /** Parses wildcards and escapes of a rule value. */
    public static SigmaString parse(String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '*' || next == '?' || next == '\\') {
                    literal.append(next);
                    i++;
                    continue;
                }
            }
            if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? Wildcard.ANY : Wildcard.ONE);
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return new SigmaString(parts, false);
    }

    /** A value taken literally, without wildcard interpretation. */
    public static SigmaString literal(String text) {
        List<Object> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add(text);
        }
        return new SigmaString(parts, false);
    }

    private static void flush(StringBuilder literal, List<Object> parts) {
        if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    List<Object> parts() {
        return parts;
    }

    public boolean hasWildcards() {
        for (Object part : parts) {
            if (part instanceof Wildcard) {
                return true;
            }
        }
        return false;
    }

    /** The text of a value without wildcards. */
    public String plain() {
        if (hasWildcards()) {
            throw new IllegalStateException("value has wildcards: " + this);
        }
        return parts.isEmpty() ? "" : (String) parts.get(0);
    }

    boolean startsWithAny() {
        return !parts.isEmpty() && parts.get(0) == Wildcard.ANY;
    }

    boolean endsWithAny() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY;
    }

    public SigmaString prependAny() {
        if (startsWithAny()) {
            return this;
        }
        List<Object> copy = new ArrayList<>(parts.size() + 1);
        copy.add(Wildcard.ANY);
        copy.addAll(parts);
        return new SigmaString(copy, binary);
    }

    public SigmaString appendAny() {
        if (endsWithAny()) {
            return this;
        }
        List<Object> copy = new ArrayList<>(parts);
        copy.add(Wildcard.ANY);
        return new SigmaString(copy, binary);
    }

    /** Re-encodes every literal as UTF-16 bytes (wildcards stay wildcards). */
    SigmaString encode(Charset charset, boolean byteOrderMark) {
        List<Object> copy = new ArrayList<>(parts.size() + 1);
        if (byteOrderMark) {
            copy.add("\u00ff\u00fe");
        }
        for (Object part : parts) {
            copy.add(
                    part instanceof String s
                            ? new String(s.getBytes(charset), StandardCharsets.ISO_8859_1)
                            : part);
        }
        return new SigmaString(merge(copy), true);
    }

    /** The bytes of a value without wildcards: raw after a UTF-16 modifier, else UTF-8. */
    byte[] bytes() {
        return plain().getBytes(binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Replaces each literal by what {@code mapper} returns, keeping wildcards. */
    SigmaString mapLiterals(UnaryOperator<String> mapper) {
        List<Object> copy = new ArrayList<>(parts.size());
        for (Object part : parts) {
            copy.add(part instanceof String s ? mapper.apply(s) : part);
        }
        return new SigmaString(merge(copy), binary);
    }

    /** Builds a value from parts in order, merging adjacent literals. */
    static SigmaString of(List<Object> parts) {
        return new SigmaString(merge(new ArrayList<>(parts)), false);
    }

    private static List<Object> merge(List<Object> parts) {
        List<Object> merged = new ArrayList<>(parts.size());
        for (Object part : parts) {
            if (part instanceof String s) {
                if (s.isEmpty()) {
                    continue;
                }
                if (!merged.isEmpty() && merged.get(merged.size() - 1) instanceof String prev) {
                    merged.set(merged.size() - 1, prev + s);
                    continue;
                }
            }
            merged.add(part);
        }
        return merged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaString other && other.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The value written back in Sigma syntax, with escapes. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part == Wildcard.ANY) {
                out.append('*');
            } else if (part == Wildcard.ONE) {
                out.append('?');
            } else {
                String s = (String) part;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '*' || c == '?' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
