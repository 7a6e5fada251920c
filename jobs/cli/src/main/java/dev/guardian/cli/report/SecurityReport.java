package dev.guardian.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The security stream: CloudTrail records in, dead letters, normalised events in ClickHouse,
 * detections by rule in ClickHouse and Elasticsearch, and whether the injected attack (the
 * attacker's source IP in {@code security-incident.json}) was detected, by which rules.
 */
final class SecurityReport implements StreamReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN = "security.events";

    private final HttpQuery query;
    private final Endpoints at;

    SecurityReport(HttpQuery query, Endpoints at) {
        this.query = query;
        this.at = at;
    }

    @Override
    public String stream() {
        return "security";
    }

    @Override
    public List<Output> outputs(Map<String, Long> topics) throws IOException, InterruptedException {
        return List.of(
                new Output(stream(), "records in security.events", topics.getOrDefault(IN, 0L)),
                new Output(stream(), "events in ClickHouse", events()),
                new Output(stream(), "detections in ClickHouse", detections()),
                new Output(stream(), "detections in Elasticsearch", indexed()));
    }

    @Override
    public void print(Map<String, Long> topics, PrintStream out)
            throws IOException, InterruptedException {
        out.println("security");
        out.println("  events in (security.events)       " + topics.getOrDefault(IN, 0L));
        out.println("  dead letters (security.events.dlq) " + topics.getOrDefault(IN + ".dlq", 0L));
        out.println("  ClickHouse security_events        " + events() + " rows");
        out.println("  ClickHouse detections             " + detections());
        out.println("  Elasticsearch guardian-detections " + indexed());
        JsonNode rules =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT rule_title, lower(any(level)) AS level, count() AS detections,"
                                + " sum(suppressed_repeats) AS repeats FROM guardian.detections"
                                + " FINAL GROUP BY rule_title ORDER BY detections DESC,"
                                + " rule_title LIMIT 10");
        for (JsonNode row : rules) {
            out.printf(
                    "    %4d  %-8s %s%s%n",
                    row.path("detections").asLong(),
                    row.path("level").asText(),
                    row.path("rule_title").asText(),
                    row.path("repeats").asLong() > 0
                            ? " (+" + row.path("repeats").asLong() + " repeats suppressed)"
                            : "");
        }
        Path incident = at.incident(stream());
        if (Files.exists(incident)) {
            printIncident(incident, out);
        }
    }

    @Override
    public boolean incidentFound() throws IOException, InterruptedException {
        Path incident = at.incident(stream());
        return !Files.exists(incident) || printIncident(incident, QUIET);
    }

    /** Detections of the attacker's address since the attack began (not an earlier run's). */
    private boolean printIncident(Path file, PrintStream out)
            throws IOException, InterruptedException {
        JsonNode incident = JSON.readTree(Files.readString(file));
        String ip = incident.path("sourceIp").asText();
        // CloudTrail times have whole seconds: the attack's first event is stamped at its second
        long start =
                Instant.parse(incident.path("start").asText())
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toEpochMilli();
        JsonNode found =
                query.clickhouse(
                        at.clickhouse(),
                        "SELECT rule_title, lower(any(level)) AS level, count() AS detections,"
                                + " toString(min(time)) AS first FROM guardian.detections FINAL"
                                + " WHERE source_ip = {ip:String}"
                                + " AND time >= fromUnixTimestamp64Milli({from:Int64})"
                                + " GROUP BY rule_title ORDER BY first",
                        Map.of("ip", ip, "from", Long.toString(start)));
        out.printf(
                "  Injected attack %s on %s from %s (%s): %s%n",
                incident.path("incidents").asText(),
                incident.path("victim").asText(),
                ip,
                file,
                found.size() == 0 ? "NOT DETECTED" : "detected by " + found.size() + " rules");
        for (JsonNode row : found) {
            out.printf(
                    "    %s  %-8s %s (%d)%n",
                    row.path("first").asText(),
                    row.path("level").asText(),
                    row.path("rule_title").asText(),
                    row.path("detections").asLong());
        }
        return found.size() > 0;
    }

    private long events() throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(), "SELECT count() FROM guardian.security_events");
    }

    private long detections() throws IOException, InterruptedException {
        return query.clickhouseCount(
                at.clickhouse(), "SELECT count() FROM guardian.detections FINAL");
    }

    private long indexed() throws IOException, InterruptedException {
        return query.elasticsearchCount(at.elasticsearch(), "guardian-detections*", null);
    }
}
