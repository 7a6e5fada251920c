package dev.guardian.logs.template;

import java.util.Arrays;
import java.util.Set;

/**
 * Cuts a log message into tokens and masks the ones that look variable, in one pass over the
 * characters (no regular expressions: the miner must keep up with the log stream).
 *
 * <ol>
 *   <li>Whitespace separates words. A word that is a value as a whole (URL, path, e-mail, IPv4 or
 *       IPv6 address, MAC, time, date, UUID, {@code host.name:port}) becomes one wildcard.
 *   <li>Other words are split at {@code = : , ( ) [ ] { } ; |}, quotes and runs of dots; the
 *       delimiters stay as tokens (quotes are dropped). A piece containing a digit, a domain name
 *       or a path becomes a wildcard. After {@code key=} or {@code key:} the whole rest of the word
 *       is one wildcard when it is a composite value, so a path with commas stays one value.
 *   <li>Reductions, so that one event renders to one token sequence: a unit after a wildcard
 *       ({@code 12 KB}, {@code 3 sec}) joins it; a month or weekday name next to a wildcard joins
 *       it (dates); a bracketed group that holds only wildcards and punctuation right after a
 *       wildcard joins it ({@code 10 bytes (1.2 KB)}, {@code 10.0.0.1 (host.example.com)});
 *       adjacent wildcards become one (lists of numbers of any length).
 * </ol>
 *
 * Instances are immutable and thread-safe.
 */
public final class LogTokenizer {

    private static final String WILDCARD = MaskedMessage.WILDCARD;

    private static final Set<String> UNITS =
            Set.of(
                    "b",
                    "B",
                    "byte",
                    "bytes",
                    "Bytes",
                    "KB",
                    "kB",
                    "kb",
                    "KiB",
                    "MB",
                    "mb",
                    "MiB",
                    "GB",
                    "gb",
                    "GiB",
                    "TB",
                    "TiB",
                    "ms",
                    "msec",
                    "msecs",
                    "us",
                    "µs",
                    "ns",
                    "s",
                    "sec",
                    "secs",
                    "second",
                    "seconds",
                    "min",
                    "mins",
                    "minute",
                    "minutes",
                    "h",
                    "hr",
                    "hrs",
                    "hour",
                    "hours",
                    "day",
                    "days",
                    "%",
                    "KB/s",
                    "MB/s",
                    "ms.",
                    "sec.",
                    "secs.",
                    "seconds.");

    private static final Set<String> DATE_NAMES =
            Set.of(
                    "Mon",
                    "Tue",
                    "Wed",
                    "Thu",
                    "Fri",
                    "Sat",
                    "Sun",
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                    "Jan",
                    "Feb",
                    "Mar",
                    "Apr",
                    "May",
                    "Jun",
                    "Jul",
                    "Aug",
                    "Sep",
                    "Sept",
                    "Oct",
                    "Nov",
                    "Dec",
                    "January",
                    "February",
                    "March",
                    "April",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December");

    private static final Set<String> GENERIC_DOMAINS =
            Set.of("com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "local");

    private static final Set<String> COUNTRY_DOMAINS =
            Set.of(
                    "uk", "cn", "hk", "de", "jp", "fr", "ru", "nl", "pl", "io", "us", "ca", "au",
                    "br", "it", "es", "kr", "tw", "ch", "se", "fi", "dk", "cz", "eu", "tv", "me");

    /** Longer words are blobs (tokens, encoded data), and would bloat the templates. */
    static final int MAX_WORD_LENGTH = 100;

    private final int maxTokens;

    public LogTokenizer(int maxTokens) {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, got " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public MaskedMessage tokenize(String message) {
        Builder out = new Builder(message);
        int n = message.length();
        int i = 0;
        while (i < n && !out.full()) {
            while (i < n && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            if (i > start) {
                word(message, start, i, out);
            }
        }
        if (out.full() && i < n) {
            out.swallowRest(n);
        }
        return out.build();
    }

    private void word(String s, int start, int end, Builder out) {
        int cs = start;
        while (cs < end && isOpening(s.charAt(cs))) {
            out.delimiter(s, cs);
            cs++;
        }
        int ce = end;
        while (ce > cs && isClosing(s.charAt(ce - 1))) {
            ce--;
        }
        if (ce > cs) {
            if (isCompositeValue(s, cs, ce)) {
                out.add(WILDCARD, cs, ce);
            } else {
                split(s, cs, ce, out);
            }
        }
        for (int k = ce; k < end; k++) {
            out.delimiter(s, k);
        }
    }

    private void split(String s, int start, int end, Builder out) {
        int piece = start;
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '.' && i + 1 < end && s.charAt(i + 1) == '.') {
                piece(s, piece, i, out);
                int dots = i;
                while (i < end && s.charAt(i) == '.') {
                    i++;
                }
                out.add("..", dots, i);
                piece = i;
                continue;
            }
            if (isDelimiter(c) && !isApostrophe(s, i, start, end)) {
                piece(s, piece, i, out);
                out.delimiter(s, i);
                i++;
                piece = i;
                if ((c == '=' || c == ':') && i < end && isCompositeValue(s, i, end)) {
                    out.add(WILDCARD, i, end);
                    return;
                }
                continue;
            }
            i++;
        }
        piece(s, piece, end, out);
    }

    private static void piece(String s, int start, int end, Builder out) {
        if (end <= start) {
            return;
        }
        if (end - start > MAX_WORD_LENGTH
                || hasDigit(s, start, end)
                || isDomain(s, start, end)
                || isPath(s, start, end)) {
            out.add(WILDCARD, start, end);
        } else {
            out.add(s.substring(start, end), start, end);
        }
    }

    static boolean isDelimiter(char c) {
        switch (c) {
            case '=':
            case ':':
            case ',':
            case '(':
            case ')':
            case '[':
            case ']':
            case '{':
            case '}':
            case ';':
            case '|':
            case '"':
            case '\'':
                return true;
            default:
                return false;
        }
    }

    /** A quote between two letters, as in {@code isn't}, belongs to the word. */
    private static boolean isApostrophe(String s, int i, int start, int end) {
        return s.charAt(i) == '\''
                && i > start
                && i + 1 < end
                && Character.isLetter(s.charAt(i - 1))
                && Character.isLetter(s.charAt(i + 1));
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'';
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == ',' || c == ';'
                || c == ':';
    }

    /** A word that is one value as a whole, whatever punctuation it contains. */
    static boolean isCompositeValue(String s, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        if (isPath(s, start, end)
                || s.indexOf("://", start) >= 0 && s.indexOf("://", start) < end) {
            return true;
        }
        if (isAddressLike(s, start, end)) {
            return true;
        }
        int at = indexOf(s, '@', start, end);
        if (at > start && indexOf(s, '.', at, end) > at) {
            return true;
        }
        int colon = lastIndexOf(s, ':', start, end);
        return colon > start
                && colon + 1 < end
                && allDigits(s, colon + 1, end)
                && isHostName(s, start, colon);
    }

    /** Numbers, IPv4/IPv6, MAC, times, dates, UUIDs, versions: hex digits and separators. */
    private static boolean isAddressLike(String s, int start, int end) {
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && i + 1 < end && s.charAt(i + 1) == '.') {
                return false; // a dot leader, as in "dcbf.......0"
            } else if (!(c >= 'a' && c <= 'f'
                    || c >= 'A' && c <= 'F'
                    || c == '.'
                    || c == ':'
                    || c == '-'
                    || c == '/'
                    || c == '+')) {
                return false;
            }
        }
        return digit;
    }

    private static boolean isPath(String s, int start, int end) {
        char c = s.charAt(start);
        if (c == '/' || c == '~' && end - start > 1 && s.charAt(start + 1) == '/') {
            return end - start > 1;
        }
        if (c == '.'
                && end - start > 2
                && (s.startsWith("./", start) || s.startsWith("../", start))) {
            return true;
        }
        return end - start > 2
                && Character.isLetter(c)
                && s.charAt(start + 1) == ':'
                && s.charAt(start + 2) == '\\';
    }

    private static boolean isHostName(String s, int start, int end) {
        boolean dot = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return dot;
    }

    /** Lower-case dotted labels ending in, or containing, a well-known top-level domain. */
    static boolean isDomain(String s, int start, int end) {
        int labels = 0;
        boolean known = false;
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            char c = i < end ? s.charAt(i) : '.';
            if (c == '.') {
                if (i == labelStart) {
                    return false;
                }
                String label = s.substring(labelStart, i);
                labels++;
                if (GENERIC_DOMAINS.contains(label)
                        || i == end && COUNTRY_DOMAINS.contains(label)) {
                    known = true;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return labels >= 2 && known;
    }

    private static boolean hasDigit(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return end > start;
    }

    private static int indexOf(String s, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(String s, char c, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static boolean isUnit(String token) {
        return UNITS.contains(token);
    }

    private static boolean isPunctuation(String token) {
        return token.length() == 1 && isDelimiter(token.charAt(0)) || token.equals("..");
    }

    /** Collects tokens and applies the reductions as each token arrives. */
    private final class Builder {
        private final String message;
        private String[] tokens = new String[16];
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int size;

        Builder(String message) {
            this.message = message;
        }

        boolean full() {
            return size >= maxTokens;
        }

        void delimiter(String s, int at) {
            char c = s.charAt(at);
            if (c == '"' || c == '\'') {
                return;
            }
            add(String.valueOf(c), at, at + 1);
        }

        void add(String token, int start, int end) {
            if (size >= maxTokens) {
                tokens[size - 1] = WILDCARD;
                ends[size - 1] = end;
                return;
            }
            boolean wildcard = WILDCARD.equals(token);
            String last = size > 0 ? tokens[size - 1] : null;
            if (WILDCARD.equals(last)) {
                if (wildcard || isUnit(token) || DATE_NAMES.contains(token)) {
                    ends[size - 1] = end;
                    return;
                }
            }
            if (wildcard) {
                while (size > 0 && DATE_NAMES.contains(tokens[size - 1])) {
                    start = starts[--size];
                }
                if (size > 1 && tokens[size - 1].equals(",") && WILDCARD.equals(tokens[size - 2])) {
                    size--;
                }
                if (size > 0 && WILDCARD.equals(tokens[size - 1])) {
                    ends[size - 1] = end;
                    return;
                }
            }
            if ((token.equals(")") || token.equals("]")) && absorbGroup(token, end)) {
                return;
            }
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            tokens[size] = token;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        /** {@code <*> ( <*> , <*> )}: the group annotates the value before it. */
        private boolean absorbGroup(String close, int end) {
            String open = close.equals(")") ? "(" : "[";
            int k = size - 1;
            while (k >= 0 && (WILDCARD.equals(tokens[k]) || isPunctuation(tokens[k]))) {
                if (tokens[k].equals(open)) {
                    break;
                }
                k--;
            }
            if (k < 1 || !tokens[k].equals(open) || !WILDCARD.equals(tokens[k - 1])) {
                return false;
            }
            size = k;
            ends[size - 1] = end;
            return true;
        }

        void swallowRest(int end) {
            tokens[size - 1] = WILDCARD;
            ends[size - 1] = end;
        }

        MaskedMessage build() {
            return new MaskedMessage(
                    message,
                    Arrays.copyOf(tokens, size),
                    Arrays.copyOf(starts, size),
                    Arrays.copyOf(ends, size));
        }
    }
}
