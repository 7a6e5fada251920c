package dev.guardian.traffic.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Reads Numenta Anomaly Benchmark style CSVs: a {@code timestamp,value} header, then lines like
 * {@code 2014-07-01 00:00:00,10844}. Timestamps without an offset are UTC (as in NAB); ISO-8601
 * with {@code T} and an offset is accepted too. A bad line either stops the read with a {@link
 * CsvFormatException} naming file and line, or is skipped and counted.
 */
public final class NabCsvReader {

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .optionalStart()
                    .appendOffsetId()
                    .optionalEnd()
                    .toFormatter();

    private NabCsvReader() {}

    /**
     * @param name the file's name in labels and messages
     * @param skipBad skip and count bad lines instead of failing on the first
     */
    public static ReplayFile read(Path path, String name, boolean skipBad)
            throws IOException, CsvFormatException {
        long[] times = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        long skipped = 0;
        long lineNumber = 0;
        boolean sawContent = false;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = lineNumber == 1 ? stripBom(line).strip() : line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                boolean firstContent = !sawContent;
                sawContent = true;
                String[] fields = trimmed.split(",", -1);
                if (firstContent && isHeader(fields)) {
                    continue;
                }
                try {
                    if (fields.length != 2) {
                        throw new IllegalArgumentException(
                                "expected 2 fields timestamp,value, got " + fields.length);
                    }
                    long t = parseTimestamp(unquote(fields[0]));
                    double v = parseValue(unquote(fields[1]));
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                        values = Arrays.copyOf(values, n * 2);
                    }
                    times[n] = t;
                    values[n] = v;
                    n++;
                } catch (IllegalArgumentException e) {
                    if (!skipBad) {
                        throw new CsvFormatException(name, lineNumber, e.getMessage());
                    }
                    skipped++;
                }
            }
        }
        if (n == 0) {
            throw new CsvFormatException(
                    name,
                    lineNumber,
                    "no timestamp,value lines" + (skipped > 0 ? " (" + skipped + " bad)" : ""));
        }
        return sorted(path, name, Arrays.copyOf(times, n), Arrays.copyOf(values, n), skipped);
    }

    static long parseTimestamp(String text) {
        try {
            TemporalAccessor parsed = TIMESTAMP.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset =
                    parsed.isSupported(ChronoField.OFFSET_SECONDS)
                            ? ZoneOffset.from(parsed)
                            : ZoneOffset.UTC;
            return local.toInstant(offset).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "timestamp '" + text + "' is not like 2014-07-01 00:00:00");
        }
    }

    static double parseValue(String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("value '" + text + "' is not finite");
        }
        return v;
    }

    private static boolean isHeader(String[] fields) {
        try {
            parseTimestamp(unquote(fields[0]));
            return false;
        } catch (IllegalArgumentException e) {
            return fields.length < 2 || !isNumber(unquote(fields[1]));
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String unquote(String field) {
        String f = field.strip();
        if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
            return f.substring(1, f.length() - 1);
        }
        return f;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static ReplayFile sorted(
            Path path, String name, long[] times, double[] values, long skipped) {
        boolean inOrder = true;
        for (int i = 1; i < times.length && inOrder; i++) {
            inOrder = times[i - 1] <= times[i];
        }
        if (inOrder) {
            return new ReplayFile(path, name, times, values, skipped);
        }
        int[] order =
                IntStream.range(0, times.length)
                        .boxed()
                        .sorted(Comparator.comparingLong(i -> times[i]))
                        .mapToInt(Integer::intValue)
                        .toArray();
        long[] t = new long[times.length];
        double[] v = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            t[i] = times[order[i]];
            v[i] = values[order[i]];
        }
        return new ReplayFile(path, name, t, v, skipped);
    }
}
