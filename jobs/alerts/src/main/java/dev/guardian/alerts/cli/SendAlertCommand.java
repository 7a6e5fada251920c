package dev.guardian.alerts.cli;

import dev.guardian.alerts.AlertRouterOptions;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.GuardianAvroTrust;
import dev.guardian.schemas.Source;
import dev.guardian.schemas.serde.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code guardian alerts send}: writes one alert state change to {@code guardian.alerts} (Avro,
 * keyed by fingerprint, as the jobs do), to try rules, receivers and mutes end to end.
 */
public class SendAlertCommand implements Command {

    @Override
    public String verb() {
        return "alerts";
    }

    @Override
    public String subject() {
        return "send";
    }

    @Override
    public String summary() {
        return "write one alert (firing or resolved) to guardian.alerts, to try the router end to end";
    }

    @Override
    public String usage() {
        return "--fingerprint FP [--status firing|resolved] [--severity critical|error|warning|info]"
                + " [--source metrics] [--title TEXT] [--entity E] [--label k=v]... [--value X"
                + " --expected Y] [--topic guardian.alerts] [--bootstrap HOST:PORT]";
    }

    @Override
    public int run(Args args) throws Exception {
        String fingerprint = args.requireString("fingerprint");
        String status = args.string("status", "firing").toUpperCase(Locale.ROOT);
        String severity = args.string("severity", "error").toUpperCase(Locale.ROOT);
        String source = args.string("source", "metrics").toUpperCase(Locale.ROOT);
        String title = args.string("title", "Test alert " + fingerprint);
        String entity = args.string("entity", fingerprint);
        Map<String, String> labels = new TreeMap<>();
        for (String label : args.strings("label")) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--label must be name=value, got '" + label + "'");
            }
            labels.put(label.substring(0, eq), label.substring(eq + 1));
        }
        Double value = args.string("value").map(Double::valueOf).orElse(null);
        Double expected = args.string("expected").map(Double::valueOf).orElse(null);
        String topic = args.string("topic", AlertRouterOptions.INPUT_TOPIC.defaultValue());
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        args.rejectUnknown();
        Instant now = Instant.now();
        GuardianAvroTrust.install(); // Avro's builders instantiate the Link class of the defaults
        Alert alert;
        try {
            alert =
                    Alert.newBuilder()
                            .setFingerprint(fingerprint)
                            .setSource(Source.valueOf(source))
                            .setSeverity(AlertSeverity.valueOf(severity))
                            .setStatus(AlertStatus.valueOf(status))
                            .setTitle(title)
                            .setSummary("Sent by 'guardian alerts send'.")
                            .setEntity(entity)
                            .setLabels(new TreeMap<>(labels))
                            .setValue(value)
                            .setExpected(expected)
                            .setStartsAt(now)
                            .setTime(now)
                            .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --status, --severity or --source: " + e.getMessage());
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    fingerprint.getBytes(StandardCharsets.UTF_8),
                                    RecordCodec.of(Alert.class).encode(alert)))
                    .get();
        }
        System.out.println(
                "sent "
                        + status
                        + " "
                        + severity
                        + " "
                        + fingerprint
                        + " to "
                        + topic
                        + " at "
                        + now);
        return 0;
    }
}
