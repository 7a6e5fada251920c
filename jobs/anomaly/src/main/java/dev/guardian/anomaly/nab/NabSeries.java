package dev.guardian.anomaly.nab;

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
import java.util.Arrays;

/** One NAB data file: {@code timestamp,value} rows, timestamps in UTC without zone. */
public record NabSeries(String name, long[] timestamps, double[] values) {

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter();

    public int size() {
        return timestamps.length;
    }

    public static NabSeries read(Path file, String name) throws IOException {
        long[] ts = new long[1024];
        double[] vs = new double[1024];
        int n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw new IOException(file + ": empty file");
            }
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IOException(file + ":" + lineNo + ": expected timestamp,value");
                }
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    vs = Arrays.copyOf(vs, n * 2);
                }
                try {
                    ts[n] = parseTimestamp(line.substring(0, comma).trim());
                    String value = line.substring(comma + 1).trim();
                    vs[n] = value.isEmpty() ? Double.NaN : Double.parseDouble(value);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ":" + lineNo + ": " + e.getMessage());
                }
                n++;
            }
        }
        return new NabSeries(name, Arrays.copyOf(ts, n), Arrays.copyOf(vs, n));
    }

    /** Parses {@code 2014-04-10 07:15:00[.000000]} as UTC epoch milliseconds. */
    public static long parseTimestamp(String text) {
        try {
            return LocalDateTime.parse(text.trim(), TIMESTAMP)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad timestamp '" + text + "'", e);
        }
    }

    public static String formatTimestamp(long epochMillis) {
        return LocalDateTime.ofEpochSecond(
                        Math.floorDiv(epochMillis, 1000L),
                        (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
                        ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}
