package dev.guardian.anomaly.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NAB's labelled anomaly windows ({@code combined_windows.json}): for each data file, relative to
 * the data folder, a list of {@code [start, end]} timestamps.
 */
public final class NabWindows {

    /** One window in epoch milliseconds, both ends inclusive. */
    public record Window(long startMillis, long endMillis) {}

    private final Map<String, List<Window>> byFile;

    private NabWindows(Map<String, List<Window>> byFile) {
        this.byFile = byFile;
    }

    public static NabWindows of(Map<String, List<Window>> byFile) {
        return new NabWindows(new TreeMap<>(byFile));
    }

    public static NabWindows read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(
                    "--windows "
                            + file
                            + " is not valid JSON: "
                            + NabProfile.firstLine(e.getMessage()),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new UsageException(
                    "--windows "
                            + file
                            + ": expected a JSON object of file -> [[start, end], ...]");
        }
        Map<String, List<Window>> windows = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = normalise(entry.getKey());
            JsonNode list = entry.getValue();
            if (!list.isArray()) {
                throw new UsageException(
                        "--windows " + file + ": " + entry.getKey() + " is not a list of windows");
            }
            List<Window> parsed = new ArrayList<>();
            for (JsonNode pair : list) {
                if (!pair.isArray()
                        || pair.size() != 2
                        || !pair.get(0).isTextual()
                        || !pair.get(1).isTextual()) {
                    throw new UsageException(
                            "--windows "
                                    + file
                                    + ": "
                                    + entry.getKey()
                                    + " has a window that is not [start, end]: "
                                    + pair);
                }
                long start = parseTime(file, pair.get(0).asText());
                long end = parseTime(file, pair.get(1).asText());
                if (end < start) {
                    throw new UsageException(
                            "--windows " + file + ": " + entry.getKey() + " has end before start");
                }
                parsed.add(new Window(start, end));
            }
            parsed.sort((a, b) -> Long.compare(a.startMillis(), b.startMillis()));
            windows.put(name, Collections.unmodifiableList(parsed));
        }
        return new NabWindows(windows);
    }

    private static long parseTime(Path file, String text) {
        try {
            return NabSeries.parseTimestamp(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--windows " + file + ": bad timestamp '" + text + "'");
        }
    }

    /** The windows of a data file given by its path relative to the data folder. */
    public Optional<List<Window>> forFile(String relativePath) {
        return Optional.ofNullable(byFile.get(normalise(relativePath)));
    }

    public int fileCount() {
        return byFile.size();
    }

    static String normalise(String relativePath) {
        String name = relativePath.replace('\\', '/');
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return name;
    }
}
