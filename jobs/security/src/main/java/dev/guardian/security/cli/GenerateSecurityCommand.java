package dev.guardian.security.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.schemas.Topic;
import dev.guardian.security.cli.SecurityTraffic.Incident;
import dev.guardian.security.cli.SecurityTraffic.Timed;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code guardian generate security}: live CloudTrail traffic of one account to {@code
 * security.events} (everyday calls of a staff of users and applications) with an attack injected at
 * a chosen moment: a console brute force on one user (failed logins from an outside address, then a
 * success without MFA), denied discovery calls, and CloudTrail logging stopped. Event times are the
 * wall clock; with {@code --out} the same traffic is written to a file at once.
 */
public final class GenerateSecurityCommand implements Command {

    private final PrintStream out;

    public GenerateSecurityCommand() {
        this(System.out);
    }

    GenerateSecurityCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "generate";
    }

    @Override
    public String subject() {
        return "security";
    }

    @Override
    public String summary() {
        return "CloudTrail traffic with an injected console brute force to security.events";
    }

    @Override
    public String usage() {
        return "[--duration D (3m)] [--rate N (events/s, 20)] [--principals N (30)]"
                + " [--incidents brute-force,access-denied,logging-stopped|none (all three)]"
                + " [--attack-at D (20s after the start)] [--failures N (8)] [--seed N (42)]"
                + " [--bootstrap HOST:PORT (127.0.0.1:9092)] [--topic T (security.events)]"
                + " [--out FILE (JSON lines, no Kafka, no waiting)] [--start ISO-TIME (now)]";
    }

    @Override
    public int run(Args args) throws Exception {
        Duration duration = args.duration("duration", Duration.ofMinutes(3));
        double rate = args.doubleValue("rate", 20);
        int principals = args.intValue("principals", 30);
        Set<Incident> incidents;
        String incidentList = args.string("incidents", "brute-force,access-denied,logging-stopped");
        try {
            incidents = Incident.parse(incidentList);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "--incidents: unknown incident in '"
                            + incidentList
                            + "'; known: brute-force, access-denied, logging-stopped, none");
        }
        Duration attackAt = args.duration("attack-at", Duration.ofSeconds(20));
        int failures = args.intValue("failures", 8);
        long seed = args.longValue("seed", 42);
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", Topic.SECURITY_EVENTS.topicName());
        Optional<String> file = args.string("out");
        Optional<String> startText = args.string("start");
        args.rejectUnknown();
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new UsageException("--rate must be a positive number of events per second");
        }
        if (principals < 1 || failures < 1) {
            throw new UsageException("--principals and --failures must be at least 1");
        }
        Instant start;
        try {
            start = startText.map(Instant::parse).orElseGet(Instant::now);
        } catch (java.time.DateTimeException e) {
            throw new UsageException("--start must be an ISO time like 2024-05-01T10:00:00Z");
        }

        SecurityTraffic traffic =
                new SecurityTraffic(seed, start, rate, principals, incidents, attackAt, failures);
        Instant end = start.plus(duration);
        describe(traffic, incidents, end, file.orElse(topic + " at " + bootstrap));

        Map<String, Integer> counts = new LinkedHashMap<>();
        if (file.isPresent()) {
            try (Writer writer =
                    Files.newBufferedWriter(Path.of(file.get()), StandardCharsets.UTF_8)) {
                for (Timed t = traffic.next(); t.time().isBefore(end); t = traffic.next()) {
                    writer.write(t.record().toString());
                    writer.write('\n');
                    counts.merge("written", 1, Integer::sum);
                }
            }
        } else {
            counts.put("acknowledged", (int) send(traffic, end, bootstrap, topic));
        }
        out.println("generate security: " + counts);
        return 0;
    }

    private void describe(
            SecurityTraffic traffic, Set<Incident> incidents, Instant end, String target) {
        out.printf("generate security: %s until %s -> %s%n", traffic.victim().arn(), end, target);
        if (incidents.isEmpty()) {
            out.println("  no attack injected");
            return;
        }
        Instant first = null;
        Instant last = null;
        for (Timed t : traffic.attackTimeline()) {
            first = first == null ? t.time() : first;
            last = t.time();
        }
        out.printf(
                "  attack on %s from %s between %s and %s: %s%n",
                traffic.victim().arn(),
                SecurityTraffic.ATTACKER_IP,
                first,
                last,
                incidents.stream().map(Incident::cliName).toList());
        if (last != null && last.isAfter(end)) {
            out.println("  warning: the run ends before the attack does (raise --duration)");
        }
    }

    private long send(SecurityTraffic traffic, Instant end, String bootstrap, String topic)
            throws InterruptedException, IOException {
        try (CloudTrailSender sender =
                CloudTrailSender.open(bootstrap, topic, "guardian-generate-security")) {
            for (Timed t = traffic.next(); t.time().isBefore(end); t = traffic.next()) {
                long wait = Duration.between(Instant.now(), t.time()).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                sender.send(
                        t.key().getBytes(StandardCharsets.UTF_8),
                        t.record().toString().getBytes(StandardCharsets.UTF_8));
            }
            sender.flush();
            return sender.acknowledged();
        }
    }
}
