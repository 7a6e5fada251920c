package dev.guardian.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures out of what a {@code guardian bench ...} command printed. The commands belong
 * to their modules and print for people, so this reads the shapes they use: a table with an {@code
 * .../s/core} column, or lines such as {@code 12,345 lines/s/core}, {@code 12,345 events per
 * CPU-second}, {@code 12345 points/s on one core}, with {@code p50 1.2 us}, {@code p99 3.4 ms} on
 * the same line.
 */
public final class BenchOutput {

    private static final String NUMBER = "(-?[0-9][0-9,]*(?:\\.[0-9]+)?)";
    private static final Pattern DURATION = Pattern.compile(NUMBER + "\\s*(us|µs|ms|s)\\b");
    private static final Pattern PER_CORE =
            Pattern.compile(
                    NUMBER
                            + "\\s*(?:[a-z]+/s/core|[a-z]+ per CPU-second|[a-z]+/s on one core"
                            + "|[a-z]+/s per core)");
    private static final Pattern PER_SUBTASK =
            Pattern.compile(NUMBER + "\\s*[a-z]+/s per (?:keyed )?subtask");
    private static final Pattern P50 =
            Pattern.compile("p50\\s*=?\\s*" + NUMBER + "\\s*(us|µs|ms|s)\\b");
    private static final Pattern P99 =
            Pattern.compile("p99\\s*=?\\s*" + NUMBER + "\\s*(us|µs|ms|s)\\b");

    private BenchOutput() {}

    /**
     * Every figure, once: a benchmark that prints a progress line and then a table with the same
     * figure yields it once, under the shorter name.
     */
    public static List<BenchResult> parse(String bench, String output) {
        List<BenchResult> unique = new ArrayList<>();
        for (BenchResult r : parseAll(bench, output)) {
            int same = -1;
            for (int i = 0; i < unique.size(); i++) {
                if (!Double.isNaN(r.perCore()) && unique.get(i).perCore() == r.perCore()) {
                    same = i;
                }
            }
            if (same < 0) {
                unique.add(r);
            } else if (r.measurement().length() < unique.get(same).measurement().length()) {
                unique.set(same, r);
            }
        }
        return unique;
    }

    private static List<BenchResult> parseAll(String bench, String output) {
        List<BenchResult> results = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int column = tableColumn(line);
            if (column >= 0) {
                i = readTable(bench, lines, i, column, results);
                continue;
            }
            List<String> latencyColumns = latencyColumns(line);
            if (latencyColumns.contains("p50")
                    && latencyColumns.contains("p99")
                    && !DURATION.matcher(line).find()) {
                i = readLatencyTable(bench, lines, i, latencyColumns, results);
                continue;
            }
            Matcher perCore = PER_CORE.matcher(line);
            Matcher perSubtask = PER_SUBTASK.matcher(line);
            boolean core = perCore.find();
            boolean subtask = !core && perSubtask.find();
            if (core || subtask) {
                Matcher m = core ? perCore : perSubtask;
                if (number(m.group(1)) <= 0) {
                    continue; // a benchmark that measured nonsense (negative CPU time): not a
                    // figure
                }
                String label = line.substring(0, m.start()).replaceAll("[:;,\\s]+$", "").strip();
                results.add(
                        new BenchResult(
                                bench,
                                label.isEmpty() ? bench : label,
                                number(m.group(1)),
                                micros(P50, line),
                                micros(P99, line),
                                subtask));
            }
        }
        return results;
    }

    /** The index of a table's {@code .../s/core} column in its header line, or -1. */
    static int tableColumn(String line) {
        String[] cells = line.strip().split("\\s{2,}");
        if (cells.length < 3) {
            return -1;
        }
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].matches("[a-z]+/s/core")) {
                return c;
            }
        }
        return -1;
    }

    private static int readTable(
            String bench, String[] lines, int header, int column, List<BenchResult> results) {
        int cellsInHeader = lines[header].strip().split("\\s{2,}").length;
        int i = header + 1;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            String[] cells = lines[i].strip().split("\\s{2,}");
            // labels may hold single spaces; numbers are right-aligned: count from the right
            int fromRight = cellsInHeader - column;
            if (cells.length < fromRight) {
                break;
            }
            String value = cells[cells.length - fromRight];
            String label =
                    String.join(
                            " ",
                            java.util.Arrays.copyOfRange(
                                    cells, 0, cells.length - (cellsInHeader - 1)));
            try {
                results.add(
                        new BenchResult(
                                bench,
                                label.strip(),
                                number(value),
                                Double.NaN,
                                Double.NaN,
                                false));
            } catch (NumberFormatException e) {
                break;
            }
        }
        return i;
    }

    /** The percentile columns of a header such as {@code ... p50 p90 p99 max}, in order. */
    static List<String> latencyColumns(String line) {
        List<String> columns = new ArrayList<>();
        for (String cell : line.strip().split("\\s+")) {
            if (cell.matches("p\\d+(\\.\\d+)?|max|min|mean")) {
                columns.add(cell);
            }
        }
        return columns;
    }

    /** Rows whose durations fill the header's percentile columns left to right. */
    private static int readLatencyTable(
            String bench,
            String[] lines,
            int header,
            List<String> columns,
            List<BenchResult> results) {
        int i = header + 1;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            Matcher m = DURATION.matcher(lines[i]);
            List<Double> values = new ArrayList<>();
            int firstAt = -1;
            while (m.find()) {
                if (firstAt < 0) {
                    firstAt = m.start();
                }
                values.add(toMicros(number(m.group(1)), m.group(2)));
            }
            if (values.size() < columns.size()) {
                break;
            }
            String label = lines[i].substring(0, firstAt).replaceAll("[\\d\\s]+$", "").strip();
            results.add(
                    new BenchResult(
                            bench,
                            label + " (latency)",
                            Double.NaN,
                            values.get(columns.indexOf("p50")),
                            values.get(columns.indexOf("p99")),
                            false));
        }
        return i;
    }

    static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }

    private static double micros(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            return Double.NaN;
        }
        return toMicros(number(m.group(1)), m.group(2));
    }

    static double toMicros(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ms" -> value * 1_000;
            case "s" -> value * 1_000_000;
            default -> value;
        };
    }
}
