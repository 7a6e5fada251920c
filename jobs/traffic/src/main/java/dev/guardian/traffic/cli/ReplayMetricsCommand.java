package dev.guardian.traffic.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.MetricType;
import dev.guardian.schemas.Topic;
import dev.guardian.traffic.kafka.KafkaPointWriter;
import dev.guardian.traffic.kafka.PointEncoder;
import dev.guardian.traffic.kafka.WireFormat;
import dev.guardian.traffic.pacing.Ticker;
import dev.guardian.traffic.replay.CsvFormatException;
import dev.guardian.traffic.replay.NabCsvReader;
import dev.guardian.traffic.replay.ReplayFile;
import dev.guardian.traffic.replay.ReplayPlan;
import dev.guardian.traffic.replay.ReplayPlan.ReplayPoint;
import dev.guardian.traffic.replay.ReplayPlan.Track;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code guardian replay metrics}: NAB-style {@code timestamp,value} files as metric points, one
 * series per file, shifted to end now and sent in time order, as fast as possible or at a multiple
 * of their own pace.
 */
public final class ReplayMetricsCommand implements Command {

    /**
     * The metrics job's default {@code guardian.metrics.max-past-age}: older points are
     * dead-lettered, which a user replaying months of history should hear about up front.
     */
    static final Duration METRICS_JOB_MAX_PAST_AGE = Duration.ofDays(7);

    private static final List<String> FLAGS =
            List.of("as-fast-as-possible", "skip-bad", "shift-to-now");

    private final PrintStream out;

    public ReplayMetricsCommand() {
        this(System.out);
    }

    ReplayMetricsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "replay";
    }

    @Override
    public String subject() {
        return "metrics";
    }

    @Override
    public String summary() {
        return "replay NAB-style timestamp,value CSV files as metric points";
    }

    @Override
    public String usage() {
        return "FILE|DIR... [--name NAME (file name)] [--labels k=v,...]"
                + " [--speed X | --as-fast-as-possible (default)] [--shift-to-now true|false (true)]"
                + " [--skip-bad] [--format avro|json] [--bootstrap HOST:PORT (127.0.0.1:9092)]"
                + " [--topic T (metrics.points)] [--max-in-flight N (10000)]";
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> operands = new ArrayList<>(args.positional());
        boolean asFastAsPossible = flag(args, "as-fast-as-possible", false, operands);
        boolean skipBad = flag(args, "skip-bad", false, operands);
        boolean shiftToNow = flag(args, "shift-to-now", true, operands);
        Optional<Double> speed = args.string("speed").map(s -> args.doubleValue("speed", 1));
        if (speed.isPresent() && asFastAsPossible) {
            throw new UsageException("--speed and --as-fast-as-possible exclude each other");
        }
        if (speed.isPresent() && !(speed.get() > 0 && Double.isFinite(speed.get()))) {
            throw new UsageException("--speed must be a positive factor, got " + speed.get());
        }
        Optional<String> name = args.string("name");
        Map<String, String> labels = labels(args.string("labels", ""));
        WireFormat format;
        try {
            format = WireFormat.fromCliName(args.string("format", "avro"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.METRIC_POINTS.topicName());
        int maxInFlight = args.intValue("max-in-flight", KafkaPointWriter.DEFAULT_MAX_IN_FLIGHT);
        args.rejectUnknown();
        if (operands.isEmpty()) {
            throw new UsageException("no files to replay; usage: replay metrics " + usage());
        }

        List<ReplayFile> files = new ArrayList<>();
        for (Path path : expand(operands)) {
            try {
                files.add(NabCsvReader.read(path, ReplayPlan.displayName(path), skipBad));
            } catch (CsvFormatException e) {
                throw new UsageException(
                        e.getMessage() + (skipBad ? "" : " (--skip-bad skips such lines)"));
            }
        }
        try (KafkaPointWriter writer =
                        KafkaPointWriter.open(
                                bootstrap, topic, "guardian-replay-metrics", maxInFlight);
                Interruption stop = new Interruption()) {
            // "Now" is taken once Kafka answers, so the last points are not already late.
            long now = System.currentTimeMillis();
            ReplayPlan plan = ReplayPlan.of(files, name, labels, shiftToNow, now);
            printPlan(plan, topic, bootstrap, format, speed, now);
            send(plan, new PointEncoder(format), speed, writer, stop);
        }
        return 0;
    }

    private void send(
            ReplayPlan plan,
            PointEncoder encoder,
            Optional<Double> speed,
            KafkaPointWriter writer,
            Interruption stop)
            throws InterruptedException {
        Progress progress = new Progress(out, Ticker.SYSTEM);
        long startNanos = Ticker.SYSTEM.nanoTime();
        long firstTimestamp = plan.firstTimestamp();
        long sent = 0;
        boolean interrupted = false;
        for (ReplayPoint point : plan) {
            if (stop.requested()) {
                interrupted = true;
                break;
            }
            if (speed.isPresent()) {
                // Each point is due when its distance from the first, divided by the speed, has
                // passed: computed from the start, so waits do not accumulate rounding.
                double sinceFirstNanos = (point.timestampMillis() - firstTimestamp) * 1e6;
                long wait =
                        startNanos
                                + (long) (sinceFirstNanos / speed.get())
                                - Ticker.SYSTEM.nanoTime();
                if (wait > 0) {
                    Ticker.SYSTEM.sleepNanos(wait);
                }
            }
            Track track = point.track();
            byte[] value =
                    encoder.encode(
                            PointEncoder.point(
                                    track.name(),
                                    track.labels(),
                                    point.timestampMillis(),
                                    point.value(),
                                    MetricType.GAUGE,
                                    null));
            writer.send(PointEncoder.key(track.seriesKey()), value);
            sent++;
            progress.maybeReport(sent, 0, writer.inFlight());
        }
        writer.flush();
        progress.summary("replay metrics", sent, 0, writer.acknowledged(), interrupted);
    }

    /**
     * A flag's value. The argument parser takes the word after a flag as its value, so in {@code
     * --skip-bad a.csv} the file is the "value": give it back to the operands.
     */
    private static boolean flag(Args args, String name, boolean absent, List<String> operands) {
        Optional<String> value = args.string(name);
        if (value.isEmpty()) {
            return absent;
        }
        String v = value.get();
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        operands.add(v);
        return true;
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text.isBlank()) {
            return labels;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--labels: '" + pair + "' is not k=v");
            }
            String key = pair.substring(0, eq).strip();
            if (key.equals(ReplayPlan.FILE_LABEL)) {
                throw new UsageException("--labels: 'file' is set to each file's name");
            }
            labels.put(key, pair.substring(eq + 1).strip());
        }
        return labels;
    }

    /** Files as given; folders as the .csv files below them, in name order. */
    static List<Path> expand(List<String> operands) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String operand : operands) {
            Path path = Path.of(operand);
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(p -> p.getFileName().toString().endsWith(".csv"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException("no such file or directory: " + operand);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no .csv files in " + String.join(" ", operands));
        }
        return files;
    }

    private void printPlan(
            ReplayPlan plan,
            String topic,
            String bootstrap,
            WireFormat format,
            Optional<Double> speed,
            long now) {
        out.printf(
                "replaying %,d file%s to %s at %s: %,d points %s, %s%n",
                plan.tracks().size(),
                plan.tracks().size() == 1 ? "" : "s",
                topic,
                bootstrap,
                plan.size(),
                speed.map(s -> String.format(Locale.ROOT, "at %gx their pace", s))
                        .orElse("as fast as possible"),
                format.name().toLowerCase(Locale.ROOT));
        for (Track track : plan.tracks()) {
            ReplayFile file = track.file();
            out.printf(
                    "  %s: %,d points %s .. %s%s%s%n",
                    track.seriesKey(),
                    file.size(),
                    Instant.ofEpochMilli(file.first()),
                    Instant.ofEpochMilli(file.last()),
                    track.shiftMillis() == 0
                            ? ""
                            : ", shifted by "
                                    + GenerateMetricsCommand.human(
                                            Duration.ofMillis(track.shiftMillis()))
                                    + " to end at "
                                    + Instant.ofEpochMilli(file.last() + track.shiftMillis()),
                    file.skipped() > 0 ? ", " + file.skipped() + " bad lines skipped" : "");
        }
        long old = plan.countBefore(now - METRICS_JOB_MAX_PAST_AGE.toMillis());
        if (old > 0) {
            out.printf(
                    "note: %,d of the points are older than %d days; the metrics job dead-letters"
                            + " them unless guardian.metrics.max-past-age is raised%n",
                    old, METRICS_JOB_MAX_PAST_AGE.toDays());
        }
        out.flush();
    }
}
