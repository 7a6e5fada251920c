package dev.guardian.alerts.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.AlertRouterOptions;
import dev.guardian.alerts.config.MuteRule;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code guardian alerts mute} / {@code alerts unmute}: publishes a runtime mute command to the
 * compacted {@code guardian.mutes} topic, keyed by the mute id; the running router applies it
 * within a second, without a restart.
 */
public class MuteAlertsCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final boolean unmute;

    public MuteAlertsCommand() {
        this(false);
    }

    MuteAlertsCommand(boolean unmute) {
        this.unmute = unmute;
    }

    /** {@code guardian alerts unmute}. */
    public static class Unmute extends MuteAlertsCommand {
        public Unmute() {
            super(true);
        }
    }

    @Override
    public String verb() {
        return "alerts";
    }

    @Override
    public String subject() {
        return unmute ? "unmute" : "mute";
    }

    @Override
    public String summary() {
        return unmute
                ? "lift a runtime mute of the alert router"
                : "mute alerts at runtime (recorded, not notified) through the guardian.mutes topic";
    }

    @Override
    public String usage() {
        return unmute
                ? "--id ID [--bootstrap-servers HOST:PORT] [--topic guardian.mutes]"
                : "--id ID [--label k=v]... [--entity-regex RE] [--source S] [--severity S]..."
                        + " [--for 2h] [--comment TEXT] [--by NAME] [--bootstrap-servers HOST:PORT]";
    }

    @Override
    public int run(Args args) throws Exception {
        String id = args.requireString("id");
        String servers =
                args.string("bootstrap-servers", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", AlertRouterOptions.MUTES_TOPIC.defaultValue());
        ObjectNode command = JSON.createObjectNode();
        command.put("id", id);
        if (unmute) {
            command.put("deleted", true);
        } else {
            ObjectNode match = command.putObject("match");
            ObjectNode labels = JSON.createObjectNode();
            for (String label : args.strings("label")) {
                int eq = label.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--label must be name=value, got '" + label + "'");
                }
                labels.put(label.substring(0, eq), label.substring(eq + 1));
            }
            if (labels.size() > 0) {
                match.set("labels", labels);
            }
            args.string("entity-regex").ifPresent(r -> match.put("entity_regex", r));
            args.string("source").ifPresent(s -> match.put("source", s));
            if (!args.strings("severity").isEmpty()) {
                match.set("severity", JSON.valueToTree(args.strings("severity")));
            }
            if (match.size() == 0) {
                throw new UsageException(
                        "say what to mute: --label, --entity-regex, --source or --severity");
            }
            Duration duration = args.duration("for", Duration.ofHours(1));
            command.put("starts_at", Instant.now().toString());
            command.put("ends_at", Instant.now().plus(duration).toString());
            args.string("comment").ifPresent(c -> command.put("comment", c));
            command.put("created_by", args.string("by", System.getProperty("user.name", "")));
        }
        args.rejectUnknown();
        MuteRule.parse(JSON.convertValue(command, Map.class), "mute"); // same check as the router
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        p.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    id.getBytes(StandardCharsets.UTF_8),
                                    JSON.writeValueAsBytes(command)))
                    .get();
        }
        System.out.println((unmute ? "unmuted " : "muted ") + id + ": " + command);
        return 0;
    }
}
