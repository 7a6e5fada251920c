package dev.guardian.common.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options of one command line: {@code --name value}, {@code --name=value}, bare {@code --flag}s and
 * positional arguments. Every accessor either returns a typed value or throws a {@link
 * UsageException} naming the option, and {@link #rejectUnknown()} catches misspelt options.
 */
public final class Args {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> consumed = new LinkedHashSet<>();

    private Args() {}

    /** Parses {@code args}; an option followed by another option or nothing is a flag. */
    public static Args parse(List<String> args) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = "true";
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public Optional<String> string(String name) {
        consumed.add(name);
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    public String requireString(String name) {
        return string(name).orElseThrow(() -> new UsageException("missing option --" + name));
    }

    public List<String> strings(String name) {
        consumed.add(name);
        return options.getOrDefault(name, Collections.emptyList());
    }

    public boolean flag(String name) {
        return string(name).map(v -> !v.equals("false")).orElse(false);
    }

    public long longValue(String name, long defaultValue) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.get().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--" + name + " must be a whole number, got '" + value.get() + "'");
        }
    }

    public int intValue(String name, int defaultValue) {
        long value = longValue(name, defaultValue);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new UsageException("--" + name + " is out of range: " + value);
        }
        return (int) value;
    }

    public double doubleValue(String name, double defaultValue) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + value.get() + "'");
        }
    }

    /**
     * A duration such as {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT5M}.
     */
    public Duration duration(String name, Duration defaultValue) {
        Optional<String> value = string(name);
        return value.isEmpty() ? defaultValue : parseDuration("--" + name, value.get());
    }

    public static Duration parseDuration(String what, String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase());
            }
            int split = 0;
            while (split < t.length()
                    && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
                split++;
            }
            double amount = Double.parseDouble(t.substring(0, split));
            String unit = t.substring(split);
            long millis;
            switch (unit) {
                case "ms":
                    millis = (long) amount;
                    break;
                case "":
                case "s":
                    millis = (long) (amount * 1_000);
                    break;
                case "m":
                case "min":
                    millis = (long) (amount * 60_000);
                    break;
                case "h":
                    millis = (long) (amount * 3_600_000);
                    break;
                case "d":
                    millis = (long) (amount * 86_400_000);
                    break;
                default:
                    throw new UsageException(
                            what + ": unknown unit '" + unit + "' in '" + text + "'");
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException e) {
            throw new UsageException(
                    what + " must be a duration like 30s, 5m or 2h, got '" + text + "'");
        }
    }

    /** A path that must exist. */
    public Path existingPath(String name) {
        Path path = Path.of(requireString(name));
        if (!Files.exists(path)) {
            throw new UsageException("--" + name + ": no such file or directory: " + path);
        }
        return path;
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }

    /** Fails on any option that no accessor asked for, which is almost always a typo. */
    public void rejectUnknown() {
        for (String name : options.keySet()) {
            if (!consumed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }
}
