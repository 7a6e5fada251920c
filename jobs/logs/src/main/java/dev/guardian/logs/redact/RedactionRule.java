package dev.guardian.logs.redact;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret or personal data to remove from log text: a name (used in the replacement
 * {@code [REDACTED:name]} and in the redaction counters), a pattern, and a cheap pre-check that
 * skips the regular expression for the vast majority of messages that cannot match.
 */
public final class RedactionRule implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final RedactionRule EMAIL =
            new RedactionRule(
                    "email",
                    "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
                    new String[] {"@"},
                    false);

    /**
     * 13 to 19 digits starting with 2 to 6 (the card networks' ranges), optionally grouped by
     * spaces or dashes, standing alone (not part of an identifier), that pass the Luhn check.
     */
    public static final RedactionRule CREDIT_CARD =
            new RedactionRule(
                    "credit_card",
                    "(?<![0-9A-Za-z_.\\-])[2-6](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z_])",
                    null,
                    true);

    /** AWS access key ids, and secret keys written as {@code aws_secret_access_key=...}. */
    public static final RedactionRule AWS_KEY =
            new RedactionRule(
                    "aws_key",
                    "\\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b"
                            + "|(?i)(?<=aws_secret_access_key[\"']?\\s{0,3}[=:]\\s{0,3}[\"']?)"
                            + "[A-Za-z0-9/+=]{40}",
                    new String[] {
                        "AKIA",
                        "ASIA",
                        "AIDA",
                        "AROA",
                        "AGPA",
                        "ANPA",
                        "ANVA",
                        "AIPA",
                        "aws_secret_access_key"
                    },
                    false);

    /** The token of an {@code Authorization: Bearer ...} header or similar. */
    public static final RedactionRule BEARER_TOKEN =
            new RedactionRule(
                    "bearer_token",
                    "(?i)(?<=\\bbearer\\s{1,3})[A-Za-z0-9\\-._~+/]{8,}=*",
                    new String[] {"bearer"},
                    false);

    /** The password of {@code scheme://user:password@host}; the user name stays. */
    public static final RedactionRule URL_PASSWORD =
            new RedactionRule(
                    "url_password",
                    "(?<=://[^/\\s:@]{1,256}:)[^/\\s@]{1,256}(?=@)",
                    new String[] {"://"},
                    false);

    private final String name;
    private final String regex;
    private final String[] needles;
    private final boolean luhn;
    private transient Pattern pattern;

    private RedactionRule(String name, String regex, String[] needles, boolean luhn) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(
                    "a redaction rule name is lower-case letters, digits and _, got '"
                            + name
                            + "'");
        }
        this.name = name;
        this.regex = regex;
        this.needles = needles;
        this.luhn = luhn;
        this.pattern = Pattern.compile(regex);
    }

    /** A rule of the user's: every match of {@code regex} is replaced. */
    public static RedactionRule custom(String name, String regex) {
        return new RedactionRule(name, regex, null, false);
    }

    public String name() {
        return name;
    }

    String replacement() {
        return "[REDACTED:" + name + "]";
    }

    /** Replaces every match in {@code text}; returns the count through {@code counter}. */
    String apply(String text, int[] counter, int index) {
        if (needles != null && !containsAny(text, needles)) {
            return text;
        }
        if (luhn && !hasDigitRun(text, 13)) {
            return text;
        }
        Matcher m = pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            if (luhn && !Luhn.isValid(m.group())) {
                continue;
            }
            out.append(text, last, m.start()).append(replacement());
            last = m.end();
            counter[index]++;
        } while (m.find());
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private Pattern pattern() {
        if (pattern == null) {
            pattern = Pattern.compile(regex);
        }
        return pattern;
    }

    /**
     * Whether {@code text} has at least {@code digits} digits with at most one separator between.
     */
    private static boolean hasDigitRun(String text, int digits) {
        int run = 0;
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= digits) {
                    return true;
                }
                separator = false;
            } else if ((c == ' ' || c == '-') && run > 0 && !separator) {
                separator = true;
            } else {
                run = 0;
                separator = false;
            }
        }
        return false;
    }

    /**
     * Case-insensitive: a loose pre-check, the pattern decides. Most lines contain none of the
     * needles, so each position is first compared on one character.
     */
    private static boolean containsAny(String text, String[] needles) {
        for (String needle : needles) {
            char lower = Character.toLowerCase(needle.charAt(0));
            char upper = Character.toUpperCase(needle.charAt(0));
            int last = text.length() - needle.length();
            for (int i = 0; i <= last; i++) {
                char c = text.charAt(i);
                if ((c == lower || c == upper)
                        && text.regionMatches(true, i, needle, 0, needle.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedactionRule
                && ((RedactionRule) o).name.equals(name)
                && ((RedactionRule) o).regex.equals(regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, regex);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The Luhn (mod 10) check digit test of payment card numbers. */
    static final class Luhn {
        private Luhn() {}

        static boolean isValid(String candidate) {
            int sum = 0;
            int digits = 0;
            boolean twice = false;
            for (int i = candidate.length() - 1; i >= 0; i--) {
                char c = candidate.charAt(i);
                if (c < '0' || c > '9') {
                    continue;
                }
                int d = c - '0';
                if (twice) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                digits++;
                twice = !twice;
            }
            return digits >= 13 && digits <= 19 && sum % 10 == 0;
        }
    }
}
