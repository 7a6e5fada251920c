package dev.guardian.logs.traffic;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one raw log file as events: a line that starts with the format's header begins an event,
 * the lines after it that do not (stack traces, wrapped messages) belong to it. Bytes that are not
 * UTF-8 become U+FFFD. Times without a year move forward a year when they would go back more than
 * half a year (a syslog file across New Year). Lines before the first header are events of their
 * own at the time of the first header, counted in {@link #headerless()}.
 */
public final class LogFileReader implements Closeable {

    /** The longest event kept: more continuation lines are dropped, and counted. */
    static final int MAX_EVENT_CHARS = 2 * 1024 * 1024;

    private static final long HALF_YEAR = Duration.ofDays(183).toMillis();

    private final BufferedReader reader;
    private final LogFileFormat format;
    private int year;
    private final boolean yearless;
    private ReplayEvent pending;
    private final List<String> orphans = new ArrayList<>();
    private final ArrayDeque<ReplayEvent> ready = new ArrayDeque<>();
    private long lastTime = Long.MIN_VALUE;
    private long events;
    private long continuations;
    private long headerless;
    private long droppedChars;
    private boolean eof;

    LogFileReader(BufferedReader reader, LogFileFormat format, int year) {
        this.reader = reader;
        this.format = format;
        this.year = year;
        this.yearless =
                format == LogFileFormat.LINUX
                        || format == LogFileFormat.MAC
                        || format == LogFileFormat.PROXIFIER;
    }

    public static LogFileReader open(Path file, LogFileFormat format, int year) throws IOException {
        return new LogFileReader(utf8(file), format, year);
    }

    /** The first {@code n} non-blank lines of a file, to detect its format. */
    public static List<String> sample(Path file, int n) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = utf8(file)) {
            String line;
            while (lines.size() < n && (line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static BufferedReader utf8(Path file) throws IOException {
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
    }

    /** The next event, or null at the end of the file. */
    public ReplayEvent next() {
        try {
            while (ready.isEmpty() && !eof) {
                String line = reader.readLine();
                if (line == null) {
                    eof = true;
                    flush(pending == null ? System.currentTimeMillis() : pending.timeMillis());
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                LogFileFormat.Header header = format.parse(line, year);
                if (header != null
                        && yearless
                        && lastTime != Long.MIN_VALUE
                        && header.timeMillis() < lastTime - HALF_YEAR) {
                    year++;
                    header = format.parse(line, year);
                }
                if (header == null) {
                    if (pending != null) {
                        append(line);
                    } else {
                        orphans.add(line);
                    }
                    continue;
                }
                lastTime = header.timeMillis();
                flush(header.timeMillis());
                pending =
                        new ReplayEvent(
                                header.timeMillis(),
                                header.severity(),
                                header.component(),
                                header.host(),
                                header.label(),
                                header.content());
            }
            ReplayEvent event = ready.poll();
            if (event != null) {
                events++;
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves lines without a header seen so far, then the pending event, to the ready queue. */
    private void flush(long orphanTime) {
        for (String line : orphans) {
            headerless++;
            ready.add(new ReplayEvent(orphanTime, "UNKNOWN", null, null, null, line));
        }
        orphans.clear();
        if (pending != null) {
            ready.add(pending);
            pending = null;
        }
    }

    private void append(String line) {
        continuations++;
        String message = pending.message();
        if (message.length() + 1 + line.length() > MAX_EVENT_CHARS) {
            droppedChars += line.length();
            return;
        }
        pending = pending.withMessage(message + "\n" + line);
    }

    public long events() {
        return events;
    }

    public long continuations() {
        return continuations;
    }

    public long headerless() {
        return headerless;
    }

    public long droppedChars() {
        return droppedChars;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
