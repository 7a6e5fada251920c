package dev.guardian.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.common.cli.Args;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSigmaCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        EvalSigmaCommand command =
                new EvalSigmaCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return command.run(Args.parse(List.of(args)));
    }

    private Path rules() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("stop.yml"),
                "title: Trail stopped\nid: stop-logging\ndetection:\n  s:\n"
                        + "    eventSource: cloudtrail.amazonaws.com\n    eventName: StopLogging\n"
                        + "  condition: s\n");
        Files.writeString(
                rules.resolve("root.yml"),
                "title: Root\nid: root-usage\ndetection:\n  s:\n    userIdentity.type: Root\n"
                        + "  condition: s\n");
        Files.writeString(
                rules.resolve("broken.yml"),
                "title: Broken\ndetection:\n  s:\n    eventName|nope: x\n  condition: s\n");
        return rules;
    }

    @Test
    void printsLoadedCountProblemsAndOneLinePerEvent() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(
                events,
                "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
                        + "\"userIdentity\":{\"type\":\"Root\"}}\n"
                        + "not json\n"
                        + "\n"
                        + "{\"Records\":[{\"eventName\":\"ListBuckets\"},{\"eventSource\":\"x\"}]}\n");

        int code = run("--rules", rules().toString(), "--events", events.toString());

        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("rules loaded 2/3");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("broken.yml:4: unsupported: unknown modifier 'nope'");

        List<JsonNode> json = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            json.add(JSON.readTree(line));
        }
        assertThat(json).hasSize(4);
        assertThat(json.get(0).get("rules"))
                .extracting(JsonNode::asText)
                .containsExactly("root-usage", "stop-logging");
        assertThat(json.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(json.get(1).get("error").asText()).startsWith("invalid JSON");
        assertThat(json.get(2).get("eventName").asText()).isEqualTo("ListBuckets");
        assertThat(json.get(2).get("rules")).isEmpty();
        assertThat(json.get(3).get("error").asText()).contains("no eventName");
    }

    @Test
    void acceptsAPrettyPrintedEnvelopeFile() throws Exception {
        Path events = dir.resolve("trail.json");
        Files.writeString(
                events,
                "{\n  \"Records\": [\n    {\n      \"eventSource\": \"cloudtrail.amazonaws.com\",\n"
                        + "      \"eventName\": \"StopLogging\"\n    }\n  ]\n}\n");

        run("--rules", rules().toString(), "--events", events.toString());

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(1)).get("rules").get(0).asText())
                .isEqualTo("stop-logging");
    }

    @Test
    void correlationsFireOverTheFile() throws Exception {
        Path rules = rules();
        Files.writeString(
                rules.resolve("stops.yml"),
                "title: Repeated trail stops\nid: repeated-stops\ncorrelation:\n"
                        + "  type: event_count\n  rules: [stop-logging]\n"
                        + "  group-by: [recipientAccountId]\n  timespan: 1h\n"
                        + "  condition:\n    gte: 2\n");
        Path events = dir.resolve("events.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append(
                            "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",")
                    .append("\"recipientAccountId\":\"111122223333\",\"eventID\":\"s")
                    .append(i)
                    .append("\",\"eventTime\":\"2024-05-01T10:0")
                    .append(i)
                    .append(":00Z\"}\n");
        }
        Files.writeString(events, lines.toString());

        run("--rules", rules.toString(), "--events", events.toString());

        List<String> out = this.out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(out.get(0)).isEqualTo("rules loaded 3/4");
        JsonNode correlation = JSON.readTree(out.get(out.size() - 1));
        assertThat(correlation.get("correlation").asText()).isEqualTo("repeated-stops");
        assertThat(correlation.get("count").asInt()).isEqualTo(2);
        assertThat(correlation.get("group").get("recipientAccountId").asText())
                .isEqualTo("111122223333");
        assertThat(out).hasSize(1 + 3 + 1);
    }

    @Test
    void strictFailsWhenARuleCannotRun() throws Exception {
        assertThat(run("--rules", rules().toString(), "--strict")).isEqualTo(1);
    }
}
