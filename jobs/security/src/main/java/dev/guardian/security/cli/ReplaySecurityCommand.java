package dev.guardian.security.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Topic;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code guardian replay security}: CloudTrail records from files to {@code security.events} in
 * event-time order, optionally moved to the present (the latest at now, the gaps between events
 * kept), as single records or in {@code Records} envelopes, as fast as possible or at a multiple of
 * their own pace. Keyed by principal, so one principal's events stay in order.
 */
public final class ReplaySecurityCommand implements Command {

    private final PrintStream out;

    public ReplaySecurityCommand() {
        this(System.out);
    }

    ReplaySecurityCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "replay";
    }

    @Override
    public String subject() {
        return "security";
    }

    @Override
    public String summary() {
        return "replay CloudTrail records (JSON lines, envelopes, .gz, .zip) to security.events";
    }

    @Override
    public String usage() {
        return "FILE|DIR... [--shift-to-now true|false (true)] [--speed X (as fast as possible)]"
                + " [--envelope N (records per Records envelope, 1: single records)]"
                + " [--bootstrap HOST:PORT (127.0.0.1:9092)] [--topic T (security.events)]"
                + " [--out FILE (write JSON lines instead of Kafka)]";
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> operands = new ArrayList<>(args.positional());
        Optional<String> shift = args.string("shift-to-now");
        boolean shiftToNow = true;
        if (shift.isPresent()) {
            if (shift.get().equals("true") || shift.get().equals("false")) {
                shiftToNow = shift.get().equals("true");
            } else {
                // "--shift-to-now FILE": the parser took the file for the flag's value
                operands.add(shift.get());
            }
        }
        double speed = args.doubleValue("speed", 0);
        int envelope = args.intValue("envelope", 1);
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.SECURITY_EVENTS.topicName());
        Optional<String> file = args.string("out");
        args.rejectUnknown();
        if (operands.isEmpty()) {
            throw new UsageException("no files to replay; usage: replay security " + usage());
        }
        if (speed < 0 || !Double.isFinite(speed)) {
            throw new UsageException("--speed must be a positive factor, got " + speed);
        }
        if (envelope < 1) {
            throw new UsageException("--envelope must be at least 1, got " + envelope);
        }

        List<Path> paths = operands.stream().map(Path::of).toList();
        ReplayFiles.Contents contents = ReplayFiles.read(paths);
        for (String skipped : contents.skipped()) {
            out.println("skipped " + skipped);
        }
        if (contents.entries().isEmpty()) {
            throw new UsageException("no CloudTrail records in " + operands);
        }
        Instant latest = null;
        Instant earliest = null;
        for (ReplayFiles.Entry e : contents.entries()) {
            if (e.time() != null) {
                earliest = earliest == null ? e.time() : earliest;
                latest = e.time();
            }
        }
        TimeShift timeShift =
                shiftToNow
                        ? TimeShift.toNow(latest, Instant.now())
                        : new TimeShift(java.time.Duration.ZERO);
        out.printf(
                "replay security: %d records from %d files, event time %s .. %s%s -> %s%n",
                contents.entries().size(),
                contents.files(),
                earliest,
                latest,
                timeShift.offset().isZero() ? "" : " shifted by " + timeShift.offset(),
                file.map(f -> f).orElse(topic + " at " + bootstrap));

        List<Message> messages = messages(contents.entries(), timeShift, envelope);
        long sent;
        if (file.isPresent()) {
            try (Writer writer =
                    Files.newBufferedWriter(Path.of(file.get()), StandardCharsets.UTF_8)) {
                for (Message m : messages) {
                    writer.write(new String(m.value, StandardCharsets.UTF_8));
                    writer.write('\n');
                }
            }
            sent = messages.size();
        } else {
            sent = send(messages, bootstrap, topic, speed);
        }
        out.printf(
                "replay security: %d messages (%d records) %s%n",
                sent,
                contents.entries().size(),
                file.isPresent() ? "written" : "acknowledged by Kafka");
        return 0;
    }

    /** One Kafka message: its key (the principal), value, and when it is due (event time). */
    record Message(byte[] key, byte[] value, Instant time) {}

    static List<Message> messages(List<ReplayFiles.Entry> entries, TimeShift shift, int envelope) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += envelope) {
            List<ReplayFiles.Entry> group =
                    entries.subList(i, Math.min(entries.size(), i + envelope));
            ReplayFiles.Entry first = group.get(0);
            JsonNode value;
            if (envelope == 1) {
                value = shift.apply(first.record());
            } else {
                ObjectNode root = CloudTrailRecords.json().createObjectNode();
                ArrayNode records = root.putArray("Records");
                group.forEach(e -> records.add(shift.apply(e.record())));
                value = root;
            }
            messages.add(
                    new Message(
                            principal(first.record()).getBytes(StandardCharsets.UTF_8),
                            value.toString().getBytes(StandardCharsets.UTF_8),
                            first.time() == null ? null : shift.apply(first.time())));
        }
        return messages;
    }

    /** The Kafka key: who acted (ARN, principal id, user name, invoking service), else the API. */
    static String principal(JsonNode record) {
        JsonNode identity = record.path("userIdentity");
        for (String field : List.of("arn", "principalId", "userName", "invokedBy")) {
            JsonNode v = identity.get(field);
            if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
                return v.textValue();
            }
        }
        return record.path("eventSource").asText("");
    }

    private long send(List<Message> messages, String bootstrap, String topic, double speed)
            throws InterruptedException, IOException {
        long start = System.nanoTime();
        Instant first =
                messages.stream()
                        .map(Message::time)
                        .filter(t -> t != null)
                        .findFirst()
                        .orElse(null);
        try (CloudTrailSender sender =
                CloudTrailSender.open(bootstrap, topic, "guardian-replay-security")) {
            for (Message m : messages) {
                if (speed > 0 && first != null && m.time() != null) {
                    long dueNanos =
                            start
                                    + (long)
                                            (java.time.Duration.between(first, m.time()).toNanos()
                                                    / speed);
                    long wait = dueNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                sender.send(m.key(), m.value());
            }
            sender.flush();
            return sender.acknowledged();
        }
    }
}
