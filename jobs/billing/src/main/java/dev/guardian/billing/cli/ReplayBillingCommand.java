package dev.guardian.billing.cli;

import dev.guardian.billing.focus.FocusCsv;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Topic;
import dev.guardian.traffic.kafka.WireFormat;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code guardian replay billing}: FOCUS CSV exports (any FOCUS 1.x column order, the FOCUS 1.0
 * sample's layout included) to {@code billing.records}, row by row, keyed by record id. Rows are
 * read by the job's own decoder first, so a bad row is reported here with its line number instead
 * of surfacing in the dead-letter topic; {@code --skip-bad} skips and counts them, {@code
 * --send-bad} sends them anyway (to exercise the dead-letter path).
 */
public final class ReplayBillingCommand implements Command {

    private final PrintStream out;

    public ReplayBillingCommand() {
        this(System.out);
    }

    ReplayBillingCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "replay";
    }

    @Override
    public String subject() {
        return "billing";
    }

    @Override
    public String summary() {
        return "load FOCUS CSV exports into billing.records";
    }

    @Override
    public String usage() {
        return "FILE|DIR... [--format avro|json (avro)] [--skip-bad | --send-bad]"
                + " [--bootstrap HOST:PORT (127.0.0.1:9092)] [--topic T (billing.records)]";
    }

    @Override
    public int run(Args args) throws Exception {
        WireFormat format;
        try {
            format = WireFormat.fromCliName(args.string("format", "avro"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        boolean skipBad = args.flag("skip-bad");
        boolean sendBad = args.flag("send-bad");
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.BILLING_RECORDS.topicName());
        args.rejectUnknown();
        if (skipBad && sendBad) {
            throw new UsageException("--skip-bad and --send-bad exclude each other");
        }
        List<Path> files = expand(args.positional());
        if (files.isEmpty()) {
            throw new UsageException("no files to replay; usage: replay billing " + usage());
        }
        long[] counts = new long[2]; // sent, bad
        try (BillingRecordSender sender =
                BillingRecordSender.open(bootstrap, topic, "guardian-replay-billing", format)) {
            for (Path file : files) {
                long before = sender.sent();
                FocusCsv.read(
                        file,
                        row -> {
                            try {
                                if (row.record != null) {
                                    sender.send(row.record);
                                } else if (sendBad) {
                                    counts[1]++;
                                    sender.sendRaw(
                                            new byte[0],
                                            row.json
                                                    .toString()
                                                    .getBytes(
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8));
                                } else if (skipBad) {
                                    counts[1]++;
                                } else {
                                    throw new UsageException(
                                            file
                                                    + " line "
                                                    + row.line
                                                    + ": "
                                                    + row.error
                                                    + " (--skip-bad skips such rows)");
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted", e);
                            }
                        });
                out.printf("%s: %,d rows sent%n", file, sender.sent() - before);
            }
            sender.flush();
            counts[0] = sender.sent();
            out.printf(
                    "replayed %,d rows (%,d bad %s) from %d file(s) to %s at %s, %s; %,d"
                            + " acknowledged%n",
                    counts[0],
                    counts[1],
                    sendBad ? "sent" : "skipped",
                    files.size(),
                    topic,
                    bootstrap,
                    format.name().toLowerCase(java.util.Locale.ROOT),
                    sender.acknowledged());
        }
        return 0;
    }

    private static List<Path> expand(List<String> operands) throws java.io.IOException {
        List<Path> files = new ArrayList<>();
        for (String operand : operands) {
            Path path = Path.of(operand);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException("no such file or directory: " + path);
            }
        }
        return files;
    }
}
