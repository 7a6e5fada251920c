package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateSecurityCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    List<JsonNode> generate(String name, String... extra) throws Exception {
        Path file = dir.resolve(name);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--out",
                                file.toString(),
                                "--start",
                                "2024-05-01T10:00:00Z",
                                "--duration",
                                "3m"));
        args.addAll(List.of(extra));
        new GenerateSecurityCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(Args.parse(args));
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void theAttackIsFailedLoginsThenASuccessWithoutMfaForOnePrincipal() throws Exception {
        List<JsonNode> records = generate("a.jsonl");
        List<JsonNode> logins =
                records.stream()
                        .filter(
                                r ->
                                        r.path("sourceIPAddress")
                                                .asText()
                                                .equals(SecurityTraffic.ATTACKER_IP))
                        .filter(r -> r.path("eventName").asText().equals("ConsoleLogin"))
                        .toList();
        assertThat(logins).hasSize(9);
        assertThat(logins.subList(0, 8))
                .allSatisfy(
                        r -> {
                            assertThat(r.at("/responseElements/ConsoleLogin").asText())
                                    .isEqualTo("Failure");
                            assertThat(r.at("/userIdentity/userName").asText()).isEqualTo("alice");
                        });
        JsonNode success = logins.get(8);
        assertThat(success.at("/responseElements/ConsoleLogin").asText()).isEqualTo("Success");
        assertThat(success.at("/additionalEventData/MFAUsed").asText()).isEqualTo("No");
        assertThat(success.at("/userIdentity/userName").asText()).isEqualTo("alice");

        assertThat(records)
                .filteredOn(r -> r.path("eventName").asText().equals("StopLogging"))
                .hasSize(1);
        assertThat(records)
                .filteredOn(
                        r -> r.path("sourceIPAddress").asText().equals(SecurityTraffic.ATTACKER_IP))
                .filteredOn(r -> r.path("errorCode").asText().equals("AccessDenied"))
                .hasSize(25);
        // 20 everyday events a second for three minutes, plus the attack
        assertThat(records).hasSize(3600 + 9 + 25 + 1);
        // in time order
        for (int i = 1; i < records.size(); i++) {
            assertThat(Instant.parse(records.get(i).get("eventTime").asText()))
                    .isAfterOrEqualTo(Instant.parse(records.get(i - 1).get("eventTime").asText()));
        }
    }

    @Test
    void theSameSeedAndStartGiveTheSameTraffic() throws Exception {
        assertThat(generate("a.jsonl")).isEqualTo(generate("b.jsonl"));
        assertThat(generate("c.jsonl", "--seed", "7")).isNotEqualTo(generate("d.jsonl"));
    }

    @Test
    void incidentsCanBeLeftOut() throws Exception {
        List<JsonNode> records = generate("a.jsonl", "--incidents", "none");
        assertThat(records)
                .noneMatch(
                        r ->
                                r.path("sourceIPAddress")
                                        .asText()
                                        .equals(SecurityTraffic.ATTACKER_IP));
        assertThatThrownBy(() -> generate("b.jsonl", "--incidents", "phishing"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("brute-force");
    }
}
