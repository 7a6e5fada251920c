package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.UsageException;
import dev.guardian.security.cloudtrail.CloudTrailNormalizer;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * CloudTrail records from the files a user names: JSON lines (a record or a {@code Records}
 * envelope per line) or one JSON document per file, plain, gzipped ({@code .gz}, as CloudTrail
 * writes to S3) or inside a {@code .zip} (as security datasets ship); directories are searched for
 * JSON files (zips there are usually the same data again, so they are read only when named).
 * Records come back in event-time order, each with where it came from.
 */
final class ReplayFiles {

    /** One record, its event time (null when it has none) and where it was read. */
    record Entry(ObjectNode record, Instant time, String origin) {}

    /** What was read: the records in time order, and the lines that were not records. */
    record Contents(List<Entry> entries, List<String> skipped, int files) {}

    private ReplayFiles() {}

    static Contents read(List<Path> operands) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path operand : operands) {
            if (Files.isDirectory(operand)) {
                try (Stream<Path> walk = Files.walk(operand)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ReplayFiles::isEventFile)
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(operand)) {
                files.add(operand);
            } else {
                throw new UsageException("no such file or directory: " + operand);
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        CloudTrailRecords parser = new CloudTrailRecords(Integer.MAX_VALUE);
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                    ZipEntry entry;
                    while ((entry = zip.getNextEntry()) != null) {
                        if (!entry.isDirectory() && isEventName(entry.getName())) {
                            collect(
                                    file + "!" + entry.getName(),
                                    readEntry(entry, zip),
                                    parser,
                                    entries,
                                    skipped);
                        }
                    }
                }
            } else if (name.endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    collect(file.toString(), in.readAllBytes(), parser, entries, skipped);
                }
            } else {
                collect(file.toString(), Files.readAllBytes(file), parser, entries, skipped);
            }
        }
        // stable: records without a time keep their place after the timed ones
        entries.sort(
                Comparator.comparing(Entry::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Contents(entries, skipped, files.size());
    }

    private static byte[] readEntry(ZipEntry entry, ZipInputStream zip) throws IOException {
        return name(entry).endsWith(".gz")
                ? new GZIPInputStream(zip).readAllBytes()
                : zip.readAllBytes();
    }

    private static String name(ZipEntry entry) {
        return entry.getName().toLowerCase(Locale.ROOT);
    }

    private static void collect(
            String origin,
            byte[] content,
            CloudTrailRecords parser,
            List<Entry> entries,
            List<String> skipped)
            throws IOException {
        EventFile.read(
                content,
                parser,
                (line, record) ->
                        entries.add(
                                new Entry(
                                        (ObjectNode) record, timeOf(record), origin + ":" + line)),
                (line, reason) -> skipped.add(origin + ":" + line + ": " + reason));
    }

    static Instant timeOf(com.fasterxml.jackson.databind.JsonNode record) {
        try {
            return CloudTrailNormalizer.eventTime(record);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** In a directory: JSON files only; a zip (often the same data again) only when named. */
    static boolean isEventFile(Path file) {
        return isEventName(file.getFileName().toString());
    }

    private static boolean isEventName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }
}
