package dev.guardian.logs.traffic;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.LogEvent;
import dev.guardian.schemas.Topic;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import dev.guardian.traffic.pacing.Ticker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code guardian replay logs FILE…}: raw log files (the Loghub {@code *_2k.log} files, syslog,
 * application logs with an ISO time at the start) to {@code logs.events}, one service per file,
 * each line's header parsed per format, multi-line events kept whole, in time order.
 */
public final class ReplayLogsCommand implements Command {

    private final PrintStream out;

    public ReplayLogsCommand() {
        this(System.out);
    }

    ReplayLogsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "replay";
    }

    @Override
    public String subject() {
        return "logs";
    }

    @Override
    public String summary() {
        return "replay raw log files (Loghub *_2k.log, syslog, app logs) to logs.events";
    }

    @Override
    public String usage() {
        return "FILE|DIR... [--format auto|"
                + LogFileFormat.names()
                + " (auto: detected per file)] [--service NAME (from each file's name)]"
                + " [--shift-to-now true|false (true: each file ends now)] [--speed X (as fast"
                + " as possible)] [--year Y (for headers without one; this year)] [--encoding"
                + " avro|json (avro)] [--bootstrap HOST:PORT (127.0.0.1:9092)] [--topic T"
                + " (logs.events)] [--max-in-flight N (10000)]";
    }

    @Override
    public int run(Args args) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String p : args.positional()) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + path);
            }
            inputs.add(path);
        }
        if (inputs.isEmpty()) {
            throw new UsageException("name at least one log file or folder");
        }
        String formatName = args.string("format", "auto");
        LogFileFormat format;
        try {
            format = formatName.equals("auto") ? null : LogFileFormat.fromCliName(formatName);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        String service = args.string("service").orElse(null);
        boolean shift = !args.string("shift-to-now", "true").equals("false");
        double speed = args.doubleValue("speed", 0);
        if (speed < 0 || Double.isInfinite(speed)) {
            throw new UsageException("--speed must be a positive multiple of the data's pace");
        }
        int year = args.intValue("year", Year.now(ZoneOffset.UTC).getValue());
        LogEventEncoding encoding;
        try {
            encoding = LogEventEncoding.fromCliName(args.string("encoding", "avro"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.LOG_EVENTS.topicName());
        int maxInFlight = args.intValue("max-in-flight", KafkaPointWriter.DEFAULT_MAX_IN_FLIGHT);
        args.rejectUnknown();

        List<Path> files = LogReplay.expand(inputs);
        if (files.isEmpty()) {
            throw new UsageException("no *.log file under " + inputs);
        }
        try (KafkaPointWriter writer =
                        LogWriters.open(bootstrap, topic, "guardian-replay-logs", maxInFlight);
                LogReplay replay =
                        LogReplay.open(
                                files, format, service, shift, System.currentTimeMillis(), year);
                Sending sending = new Sending(out)) {
            printPlan(replay, topic, bootstrap, encoding, speed);
            send(replay, writer, encoding, speed, sending);
            printFiles(replay);
        }
        return 0;
    }

    private void send(
            LogReplay replay,
            KafkaPointWriter writer,
            LogEventEncoding encoding,
            double speed,
            Sending sending)
            throws InterruptedException {
        long lines = 0;
        long firstTime = Long.MIN_VALUE;
        long startNanos = Ticker.SYSTEM.nanoTime();
        for (LogEvent event = replay.next(); event != null; event = replay.next()) {
            if (sending.stopRequested()) {
                break;
            }
            long time = event.getTimestamp().toEpochMilli();
            if (speed > 0) {
                if (firstTime == Long.MIN_VALUE) {
                    firstTime = time;
                }
                long due = startNanos + (long) ((time - firstTime) * 1e6 / speed);
                long wait = due - Ticker.SYSTEM.nanoTime();
                if (wait > 0) {
                    Ticker.SYSTEM.sleepNanos(wait);
                }
            }
            String key = event.getHost() != null ? event.getHost() : event.getService();
            writer.send(key.getBytes(StandardCharsets.UTF_8), encoding.encode(event));
            lines++;
            sending.maybeReport(lines, 0, writer.inFlight());
        }
        writer.flush();
        sending.summary("replay logs", lines, 0, writer.acknowledged());
    }

    private void printPlan(
            LogReplay replay,
            String topic,
            String bootstrap,
            LogEventEncoding encoding,
            double speed) {
        out.printf(
                "replaying %d file(s) to %s at %s, %s, %s%n",
                replay.sources().size(),
                topic,
                bootstrap,
                encoding.name().toLowerCase(Locale.ROOT),
                speed > 0 ? speed + "x the data's pace" : "as fast as possible");
        for (LogReplay.Source s : replay.sources()) {
            out.printf(
                    "  %s: format %s%s, service %s%s%n",
                    s.file(),
                    s.format().cliName(),
                    s.detected() ? " (detected)" : "",
                    s.service(),
                    s.offsetMillis() == 0
                            ? ""
                            : ", moved by "
                                    + java.time.Duration.ofMillis(s.offsetMillis()).toDays()
                                    + " days so its last line is now");
        }
        out.flush();
    }

    private void printFiles(LogReplay replay) {
        for (int i = 0; i < replay.sources().size(); i++) {
            LogFileReader r = replay.reader(i);
            out.printf(
                    "  %s: %,d events (%,d continuation lines joined, %,d lines without a header)%s%n",
                    replay.sources().get(i).file().getFileName(),
                    r.events(),
                    r.continuations(),
                    r.headerless(),
                    r.droppedChars() > 0
                            ? String.format(
                                    ", %,d characters of over-long events dropped",
                                    r.droppedChars())
                            : "");
        }
        out.flush();
    }
}
