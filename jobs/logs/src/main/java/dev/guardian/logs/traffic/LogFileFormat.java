package dev.guardian.logs.traffic;

import dev.guardian.logs.SeverityNames;
import dev.guardian.schemas.Severity;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a raw log line, per producer (the Loghub systems and a generic one): a regular
 * expression whose named groups give time, level, component (the logger), host and the message.
 * Times without a zone are UTC; times without a year take the year the reader is given.
 */
public enum LogFileFormat {
    /** {@code 081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 ...}. */
    HDFS(
            "^(?<date>\\d{6}) (?<time>\\d{6}) (?<pid>\\d+) (?<level>[A-Z]+) (?<component>[^ :]+):"
                    + " ?(?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            String d = m.group("date");
            String t = m.group("time");
            return utc(
                    2000 + num(d, 0, 2),
                    num(d, 2, 4),
                    num(d, 4, 6),
                    num(t, 0, 2),
                    num(t, 2, 4),
                    num(t, 4, 6),
                    0);
        }
    },
    /** {@code 2015-10-18 18:01:47,978 INFO [main] org.apache...MRAppMaster: Created ...}. */
    HADOOP(
            "^(?<date>\\d{4}-\\d{2}-\\d{2}) (?<time>\\d{2}:\\d{2}:\\d{2}),(?<ms>\\d{3})"
                    + " (?<level>[A-Z]+) \\[(?<thread>[^\\]]*)\\] (?<component>[^ :]+): ?(?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            return isoDateTime(m.group("date"), m.group("time"), num(m.group("ms"), 0, 3));
        }
    },
    /** {@code 17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered ...}. */
    SPARK(
            "^(?<date>\\d{2}/\\d{2}/\\d{2}) (?<time>\\d{2}:\\d{2}:\\d{2}) (?<level>[A-Z]+)"
                    + " (?<component>[^ :]+): ?(?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            String d = m.group("date");
            String t = m.group("time");
            return utc(
                    2000 + num(d, 0, 2),
                    num(d, 3, 5),
                    num(d, 6, 8),
                    num(t, 0, 2),
                    num(t, 3, 5),
                    num(t, 6, 8),
                    0);
        }
    },
    /**
     * {@code - 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872
     * R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache ...}: alert label, epoch seconds, node.
     */
    BGL(
            "^(?<label>\\S+) (?<epoch>\\d+) (?<date>\\d{4}\\.\\d{2}\\.\\d{2}) (?<host>\\S+)"
                    + " (?<stamp>\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.\\d{2}\\.\\d{2}\\.(?<micros>\\d{6}))"
                    + " (?<node>\\S+) (?<type>\\S+) (?<component>\\S+) (?<level>\\S+) ?(?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            return Long.parseLong(m.group("epoch")) * 1000 + num(m.group("micros"), 0, 3);
        }
    },
    /** {@code Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; ...}. */
    LINUX(Syslog.HEADER),
    /** {@code Jul 1 09:00:55 calvisitor-10-105-160-95 kernel[0]: IOThunderboltSwitch ...}. */
    MAC(Syslog.HEADER),
    /** {@code 20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579}. */
    HEALTHAPP(
            "^(?<date>\\d{8})-(?<time>\\d{1,2}:\\d{1,2}:\\d{1,2}):(?<ms>\\d{1,3})\\|(?<component>[^|]*)"
                    + "\\|(?<pid>[^|]*)\\|(?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            String d = m.group("date");
            String[] t = m.group("time").split(":");
            return utc(
                    num(d, 0, 4),
                    num(d, 4, 6),
                    num(d, 6, 8),
                    Integer.parseInt(t[0]),
                    Integer.parseInt(t[1]),
                    Integer.parseInt(t[2]),
                    Integer.parseInt(m.group("ms")));
        }
    },
    /** {@code [10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through ...}. */
    PROXIFIER(
            "^\\[(?<month>\\d{2})\\.(?<day>\\d{2}) (?<time>\\d{2}:\\d{2}:\\d{2})\\]"
                    + " (?<component>.+?) - (?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            String t = m.group("time");
            return utc(
                    year,
                    Integer.parseInt(m.group("month")),
                    Integer.parseInt(m.group("day")),
                    num(t, 0, 2),
                    num(t, 3, 5),
                    num(t, 6, 8),
                    0);
        }
    },
    /**
     * Anything else: an ISO-8601-like time at the start ({@code 2026-01-05 12:00:01,123}, {@code
     * 2026-01-05T12:00:01.5Z}, {@code +02:00}...), a level word if there is one, the rest.
     */
    GENERIC(
            "^(?<date>\\d{4}-\\d{2}-\\d{2})[T ](?<time>\\d{2}:\\d{2}:\\d{2})(?:[.,](?<frac>\\d{1,9}))?"
                    + "(?<zone>Z|[+-]\\d{2}:?\\d{2})?\\s+(?<content>.*)$") {
        @Override
        long time(Matcher m, int year) {
            String frac = m.group("frac");
            int millis = frac == null ? 0 : num((frac + "00").substring(0, 3), 0, 3);
            long local = isoDateTime(m.group("date"), m.group("time"), millis);
            String zone = m.group("zone");
            if (zone == null || zone.equals("Z")) {
                return local;
            }
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            String digits = zone.substring(1).replace(":", "");
            return local - sign * (num(digits, 0, 2) * 3_600_000L + num(digits, 2, 4) * 60_000L);
        }
    };

    private static final List<String> MONTHS =
            List.of(
                    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                    "dec");

    private final Pattern header;

    LogFileFormat(String header) {
        this.header = Pattern.compile(header);
    }

    /** Epoch milliseconds of a matched header; {@code year} where the header has none. */
    long time(Matcher m, int year) {
        String t = m.group("time");
        int month = MONTHS.indexOf(m.group("month").toLowerCase(Locale.ROOT)) + 1;
        return utc(
                year,
                month,
                Integer.parseInt(m.group("day")),
                num(t, 0, 2),
                num(t, 3, 5),
                num(t, 6, 8),
                0);
    }

    /** The header of {@code line}, or null when the line does not start with one. */
    public Header parse(String line, int year) {
        Matcher m = header.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            long time = time(m, year);
            String content = m.group("content");
            String level = group(m, "level");
            String severity =
                    level != null ? SeverityNames.of(level) : SeverityNames.findIn(content, 200);
            return new Header(
                    time,
                    severity == null ? Severity.UNKNOWN.name() : severity,
                    group(m, "component"),
                    group(m, "host"),
                    group(m, "label"),
                    content);
        } catch (RuntimeException e) {
            return null; // a date that matched the shape but is not a date: not a header
        }
    }

    /** What a header says about a line. */
    public record Header(
            long timeMillis,
            String severity,
            String component,
            String host,
            String label,
            String content) {}

    /** {@code hdfs}, {@code healthapp}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogFileFormat fromCliName(String name) {
        for (LogFileFormat f : values()) {
            if (f.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "format must be one of " + names() + ", got '" + name + "'");
    }

    public static String names() {
        StringBuilder b = new StringBuilder();
        for (LogFileFormat f : values()) {
            b.append(b.length() == 0 ? "" : "|").append(f.cliName());
        }
        return b.toString();
    }

    /**
     * The format most of {@code sample} (a file's first non-blank lines) parses with; {@link
     * #GENERIC} when no specific one fits at least half of them. On a tie the more specific
     * (earlier) wins: Linux and Mac share the syslog header.
     */
    public static LogFileFormat detect(List<String> sample, int year) {
        LogFileFormat best = GENERIC;
        int bestCount = 0;
        for (LogFileFormat f : values()) {
            if (f == GENERIC) {
                continue;
            }
            int count = 0;
            for (String line : sample) {
                if (f.parse(line, year) != null) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = f;
                bestCount = count;
            }
        }
        return bestCount * 2 >= sample.size() && bestCount > 0 ? best : GENERIC;
    }

    private static String group(Matcher m, String name) {
        try {
            String value = m.group(name);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s.substring(from, to));
    }

    private static long isoDateTime(String date, String time, int millis) {
        return LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time))
                        .toInstant(ZoneOffset.UTC)
                        .toEpochMilli()
                + millis;
    }

    private static long utc(int y, int mo, int d, int h, int mi, int s, int ms) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toInstant(ZoneOffset.UTC).toEpochMilli() + ms;
    }

    /** The BSD syslog header of Linux and macOS files. */
    private static final class Syslog {
        static final String HEADER =
                "^(?<month>[A-Z][a-z]{2}) +(?<day>\\d{1,2}) (?<time>\\d{2}:\\d{2}:\\d{2}) (?<host>\\S+)"
                        + " (?<component>[^\\[:]+?)(?:\\[(?<pid>[^\\]]*)\\])?: ?(?<content>.*)$";
    }
}
