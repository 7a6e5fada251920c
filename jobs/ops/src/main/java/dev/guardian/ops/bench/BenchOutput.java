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

    private static final String NUMBER = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
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

    public static List<BenchResult> parse(String bench, String output) {
        List<BenchResult> results = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int column = tableColumn(line);
            if (column >= 0) {
                i = readTable(bench, lines, i, column, results);
                continue;
            }
            Matcher perCore = PER_CORE.matcher(line);
            Matcher perSubtask = PER_SUBTASK.matcher(line);
            boolean core = perCore.find();
            boolean subtask = !core && perSubtask.find();
            if (core || subtask) {
                Matcher m = core ? perCore : perSubtask;
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

    static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }

    private static double micros(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = number(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> value * 1_000;
            case "s" -> value * 1_000_000;
            default -> value;
        };
    }
}
