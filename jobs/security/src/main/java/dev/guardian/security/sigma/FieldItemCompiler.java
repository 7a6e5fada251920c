package dev.guardian.security.sigma;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one detection item, {@code field|modifier|...: value(s)}, into a {@link DetectionNode}.
 * Modifiers that transform strings ({@code wide}, {@code base64}, {@code windash}, {@code
 * contains}...) apply left to right, as the specification orders them; the others choose how the
 * value is compared.
 */
final class FieldItemCompiler {

    /** One scalar of a rule: its text as written, whether it was YAML null, and its line. */
    record Scalar(String text, boolean isNull, Boolean bool, int line) {}

    private static final Set<Modifier> REGEX_FLAGS = EnumSet.of(Modifier.I, Modifier.M, Modifier.S);
    private static final Set<Modifier> COMPARISONS =
            EnumSet.of(Modifier.GT, Modifier.GTE, Modifier.LT, Modifier.LTE);
    private static final Pattern WINDASH = Pattern.compile("\\B[-/]\\b");
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z0-9_.-]+)%");

    private final String source;
    private final Map<String, List<String>> placeholders;

    FieldItemCompiler(String source, Map<String, List<String>> placeholders) {
        this.source = source;
        this.placeholders = placeholders;
    }

    DetectionNode compile(String key, List<Scalar> values, int line) {
        String[] parts = key.split("\\|", -1);
        String field = parts[0].trim();
        List<Modifier> modifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].trim();
            Modifier modifier =
                    Modifier.byKeyword(name)
                            .orElseThrow(
                                    () ->
                                            unsupported(
                                                    line,
                                                    "unknown modifier '"
                                                            + name
                                                            + "' on '"
                                                            + key
                                                            + "'"));
            modifiers.add(modifier);
        }
        checkCombination(key, modifiers, line);
        if (values.isEmpty()) {
            throw malformed(line, "'" + key + "' has an empty list of values");
        }
        boolean all = modifiers.contains(Modifier.ALL);
        if (modifiers.contains(Modifier.EXISTS)) {
            return existence(key, field, values, line);
        }
        List<ValueMatcher> matchers = new ArrayList<>(values.size());
        for (Scalar value : values) {
            matchers.add(
                    value.isNull() ? PresenceMatcher.isNull() : compileValue(value, modifiers));
        }
        if (field.isEmpty()) {
            return keywords(key, matchers, all, line);
        }
        return new FieldCondition(FieldPath.of(field), matchers, all);
    }

    private DetectionNode existence(String key, String field, List<Scalar> values, int line) {
        if (values.size() != 1 || values.get(0).bool() == null) {
            throw malformed(line, "'" + key + "' needs one boolean value (true or false)");
        }
        if (field.isEmpty()) {
            throw malformed(line, "'exists' needs a field name");
        }
        return new FieldCondition(
                FieldPath.of(field), List.of(PresenceMatcher.exists(values.get(0).bool())), false);
    }

    private DetectionNode keywords(String key, List<ValueMatcher> matchers, boolean all, int line) {
        List<TextMatcher> keywords = new ArrayList<>();
        for (ValueMatcher matcher : matchers) {
            if (!(matcher instanceof TextMatcher text)) {
                throw unsupported(
                        line, "keyword search '" + key + "' supports only string and re values");
            }
            keywords.add(text);
        }
        return new KeywordCondition(keywords, all);
    }

    /** A keyword list entry: an implicit {@code contains} on any text of the event. */
    DetectionNode keywords(List<Scalar> values, int line) {
        List<TextMatcher> keywords = new ArrayList<>();
        for (Scalar value : values) {
            if (value.isNull()) {
                throw malformed(value.line(), "a keyword cannot be null");
            }
            keywords.add(
                    new StringMatcher(
                            SigmaString.parse(value.text()).prependAny().appendAny(), false));
        }
        return new KeywordCondition(keywords, false);
    }

    private void checkCombination(String key, List<Modifier> modifiers, int line) {
        boolean re = modifiers.contains(Modifier.RE);
        for (Modifier m : modifiers) {
            if (REGEX_FLAGS.contains(m) && !re) {
                throw malformed(line, "'" + m.keyword() + "' only qualifies 're' in '" + key + "'");
            }
        }
        long kinds =
                modifiers.stream()
                        .filter(
                                m ->
                                        m == Modifier.RE
                                                || m == Modifier.CIDR
                                                || m == Modifier.EXISTS
                                                || m == Modifier.FIELDREF
                                                || COMPARISONS.contains(m))
                        .count();
        if (kinds > 1) {
            throw malformed(line, "'" + key + "' combines modifiers that exclude each other");
        }
    }

    private ValueMatcher compileValue(Scalar value, List<Modifier> modifiers) {
        String text = value.text();
        int line = value.line();
        boolean cased = modifiers.contains(Modifier.CASED);
        if (modifiers.contains(Modifier.RE)) {
            int flags = 0;
            flags |=
                    modifiers.contains(Modifier.I)
                            ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                            : 0;
            flags |= modifiers.contains(Modifier.M) ? Pattern.MULTILINE : 0;
            flags |= modifiers.contains(Modifier.S) ? Pattern.DOTALL : 0;
            try {
                return new RegexMatcher(Pattern.compile(text, flags));
            } catch (PatternSyntaxException e) {
                throw malformed(
                        line, "invalid regular expression '" + text + "': " + e.getDescription());
            }
        }
        if (modifiers.contains(Modifier.CIDR)) {
            try {
                return new CidrMatcher(text);
            } catch (IllegalArgumentException e) {
                throw malformed(line, e.getMessage());
            }
        }
        for (Modifier m : modifiers) {
            if (COMPARISONS.contains(m)) {
                return comparison(m, text, line);
            }
        }
        if (modifiers.contains(Modifier.FIELDREF)) {
            FieldRefMatcher.Relation relation = FieldRefMatcher.Relation.EQUALS;
            if (modifiers.contains(Modifier.CONTAINS)) {
                relation = FieldRefMatcher.Relation.CONTAINS;
            } else if (modifiers.contains(Modifier.STARTSWITH)) {
                relation = FieldRefMatcher.Relation.STARTS_WITH;
            } else if (modifiers.contains(Modifier.ENDSWITH)) {
                relation = FieldRefMatcher.Relation.ENDS_WITH;
            }
            return new FieldRefMatcher(FieldPath.of(text), relation, cased);
        }
        List<SigmaString> variants = new ArrayList<>();
        if (modifiers.contains(Modifier.EXPAND)) {
            for (String expanded : expand(text, line)) {
                variants.add(SigmaString.parse(expanded));
            }
        } else {
            variants.add(SigmaString.parse(text));
        }
        for (Modifier m : modifiers) {
            variants = transform(m, variants, line);
        }
        List<ValueMatcher> matchers = new ArrayList<>(variants.size());
        for (SigmaString variant : variants) {
            matchers.add(new StringMatcher(variant, cased));
        }
        ValueMatcher matcher =
                matchers.size() == 1 ? matchers.get(0) : new AlternativeValues(matchers);
        return modifiers.contains(Modifier.NEQ) ? new NegatedMatcher(matcher) : matcher;
    }

    private ValueMatcher comparison(Modifier m, String text, int line) {
        try {
            return new NumberMatcher(
                    NumberMatcher.Comparison.valueOf(m.name()), new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw malformed(line, "'" + m.keyword() + "' needs a number, got '" + text + "'");
        }
    }

    private List<SigmaString> transform(Modifier m, List<SigmaString> values, int line) {
        List<SigmaString> out = new ArrayList<>(values.size());
        for (SigmaString v : values) {
            switch (m) {
                case WIDE:
                case UTF16LE:
                    out.add(v.encode(StandardCharsets.UTF_16LE, false));
                    break;
                case UTF16BE:
                    out.add(v.encode(StandardCharsets.UTF_16BE, false));
                    break;
                case UTF16:
                    out.add(v.encode(StandardCharsets.UTF_16LE, true));
                    break;
                case BASE64:
                    out.add(
                            SigmaString.literal(
                                    Base64.getEncoder().encodeToString(plainBytes(v, m, line))));
                    break;
                case BASE64OFFSET:
                    out.addAll(base64Offsets(plainBytes(v, m, line)));
                    break;
                case WINDASH:
                    out.addAll(windash(v));
                    break;
                case CONTAINS:
                    out.add(v.prependAny().appendAny());
                    break;
                case STARTSWITH:
                    out.add(v.appendAny());
                    break;
                case ENDSWITH:
                    out.add(v.prependAny());
                    break;
                default:
                    out.add(v);
            }
        }
        return out;
    }

    private byte[] plainBytes(SigmaString v, Modifier m, int line) {
        if (v.hasWildcards()) {
            throw malformed(
                    line,
                    "'" + m.keyword() + "' cannot encode a value with wildcards: '" + v + "'");
        }
        return v.bytes();
    }

    /**
     * The three encodings of a value at byte offsets 0, 1 and 2 of a longer base64 text, with the
     * characters that depend on the neighbouring bytes cut off.
     */
    static List<SigmaString> base64Offsets(byte[] value) {
        int[] start = {0, 2, 3};
        int[] endTrim = {0, 3, 2};
        List<SigmaString> out = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[value.length + shift];
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            System.arraycopy(value, 0, shifted, shift, value.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - endTrim[(value.length + shift) % 3];
            out.add(
                    SigmaString.literal(
                            encoded.substring(start[shift], Math.max(start[shift], end))));
        }
        return out;
    }

    /** Every spelling of the option dashes of a Windows command line: - / en dash, em dash, bar. */
    private static List<SigmaString> windash(SigmaString value) {
        List<List<Object>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (Object part : value.parts()) {
            if (!(part instanceof String literal)) {
                variants.forEach(v -> v.add(part));
                continue;
            }
            Matcher matcher = WINDASH.matcher(literal);
            int from = 0;
            while (matcher.find()) {
                String before = literal.substring(from, matcher.start());
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> v : variants) {
                    for (String dash : DASHES) {
                        List<Object> copy = new ArrayList<>(v);
                        copy.add(before);
                        copy.add(dash);
                        next.add(copy);
                    }
                }
                variants = next;
                from = matcher.end();
            }
            String rest = literal.substring(from);
            variants.forEach(v -> v.add(rest));
        }
        List<SigmaString> out = new ArrayList<>(variants.size());
        for (List<Object> v : variants) {
            out.add(SigmaString.of(v));
        }
        return out;
    }

    /** Replaces each {@code %name%} by each configured value of the placeholder. */
    private List<String> expand(String text, int line) {
        List<String> results = new ArrayList<>();
        results.add("");
        Matcher matcher = PLACEHOLDER.matcher(text);
        int from = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            List<String> values = placeholders.get(name);
            if (values == null || values.isEmpty()) {
                throw unsupported(
                        line,
                        "placeholder %"
                                + name
                                + "% of the 'expand' modifier is not configured"
                                + " (give its values in the placeholders file)");
            }
            String before = text.substring(from, matcher.start());
            List<String> next = new ArrayList<>();
            for (String prefix : results) {
                for (String value : values) {
                    next.add(prefix + before + value);
                }
            }
            results = next;
            from = matcher.end();
        }
        String rest = text.substring(from);
        results.replaceAll(r -> r + rest);
        return results;
    }

    SigmaRuleException malformed(int line, String reason) {
        return new SigmaRuleException(source, line, reason, false);
    }

    SigmaRuleException unsupported(int line, String reason) {
        return new SigmaRuleException(source, line, reason, true);
    }
}
