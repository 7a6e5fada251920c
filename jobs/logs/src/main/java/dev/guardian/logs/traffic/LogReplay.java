package dev.guardian.logs.traffic;

import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.Severity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Raw log files as one stream of {@link LogEvent}s in time order: each file read with its format
 * (given or detected), one service per file, optionally moved so that its last line is at {@code
 * now} (keeping the spacing), and the files merged by time. Each file is read twice (its last time,
 * then its events) and never held in memory.
 */
public final class LogReplay implements Closeable {

    /** One input file and how it is read. */
    public record Source(
            Path file, LogFileFormat format, boolean detected, String service, long offsetMillis) {}

    private final List<Source> sources;
    private final List<LogFileReader> readers = new ArrayList<>();
    private final PriorityQueue<Head> heads =
            new PriorityQueue<>(
                    Comparator.comparingLong((Head h) -> h.event.timeMillis())
                            .thenComparingInt(h -> h.index));

    private record Head(ReplayEvent event, int index) {}

    private LogReplay(List<Source> sources, int year) throws IOException {
        this.sources = sources;
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            LogFileReader reader = LogFileReader.open(s.file(), s.format(), year);
            readers.add(reader);
            advance(i);
        }
    }

    /**
     * @param format null to detect each file's format from its first lines
     * @param service null for a service named after each file ({@code HDFS_2k.log} → {@code hdfs})
     * @param nowMillis with {@code shiftToNow}, where each file's last line lands
     */
    public static LogReplay open(
            List<Path> files,
            LogFileFormat format,
            String service,
            boolean shiftToNow,
            long nowMillis,
            int year)
            throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            LogFileFormat f = format;
            boolean detected = false;
            if (f == null) {
                f = LogFileFormat.detect(LogFileReader.sample(file, 50), year);
                detected = true;
            }
            long offset = 0;
            if (shiftToNow) {
                long last = Long.MIN_VALUE;
                try (LogFileReader r = LogFileReader.open(file, f, year)) {
                    for (ReplayEvent e = r.next(); e != null; e = r.next()) {
                        last = Math.max(last, e.timeMillis());
                    }
                }
                offset = last == Long.MIN_VALUE ? 0 : nowMillis - last;
            }
            sources.add(
                    new Source(
                            file,
                            f,
                            detected,
                            service != null ? service : serviceOf(file),
                            offset));
        }
        return new LogReplay(sources, year);
    }

    /** Every regular file under the given files and folders, folders walked in name order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().endsWith(".log"))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * {@code HDFS_2k.log} → {@code hdfs}; {@code checkout-api.2026-01-05.log} → {@code
     * checkout-api}.
     */
    public static String serviceOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceFirst("_\\d+k$", "").toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "unknown" : name;
    }

    public List<Source> sources() {
        return sources;
    }

    /** The next event of all files in time order, or null when all are read. */
    public LogEvent next() {
        Head head = heads.poll();
        if (head == null) {
            return null;
        }
        advance(head.index);
        return toEvent(sources.get(head.index), head.event);
    }

    /** Events, continuation lines and header-less lines read from file {@code i} so far. */
    public LogFileReader reader(int i) {
        return readers.get(i);
    }

    private void advance(int i) {
        ReplayEvent next = readers.get(i).next();
        if (next != null) {
            heads.add(new Head(next.shifted(sources.get(i).offsetMillis()), i));
        }
    }

    static LogEvent toEvent(Source source, ReplayEvent e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("log.file.path", source.file().getFileName().toString());
        if (e.label() != null) {
            attributes.put("loghub.label", e.label());
        }
        return LogEvent.newBuilder()
                .setTimestamp(Instant.ofEpochMilli(e.timeMillis()))
                .setService(source.service())
                .setHost(e.host())
                .setSeverity(Severity.valueOf(e.severity()))
                .setMessage(e.message())
                .setLogger(e.component())
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
    }

    @Override
    public void close() throws IOException {
        for (LogFileReader r : readers) {
            r.close();
        }
    }
}
