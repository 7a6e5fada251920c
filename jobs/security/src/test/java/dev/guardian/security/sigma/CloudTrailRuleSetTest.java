package dev.guardian.security.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the shared CloudTrail set against an event it is meant to catch and a near miss,
 * both written by hand from the rule's meaning ({@code sigma/cloudtrail-rule-cases.json}), through
 * the indexed engine and the rule alone.
 */
class CloudTrailRuleSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SigmaRuleSet set;
    private static SigmaEngine engine;
    private static Map<String, SigmaRule> byFile;

    @BeforeAll
    static void load() {
        set = new SigmaRuleLoader().load(rulesDir());
        engine = SigmaEngine.of(set.rules());
        byFile =
                set.rules().stream()
                        .collect(
                                Collectors.toMap(
                                        r -> Path.of(r.source()).getFileName().toString(),
                                        Function.identity()));
    }

    static Path rulesDir() {
        Path dir =
                SharedData.root()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "shared/data not found beside the repository"))
                        .resolve("security/sigma-cloudtrail");
        assertThat(dir).isDirectory();
        return dir;
    }

    @Test
    void everyRuleOfTheSetLoads() {
        assertThat(set.problems()).isEmpty();
        assertThat(set.summary()).isEqualTo("rules loaded 57/57");
    }

    @Test
    void everyRuleHasACase() throws IOException {
        List<String> covered = new ArrayList<>();
        for (JsonNode c : cases().get("cases")) {
            covered.add(c.get("rule").asText());
        }
        try (Stream<Path> files = Files.list(rulesDir())) {
            List<String> rules =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".yml"))
                            .collect(Collectors.toList());
            assertThat(covered).containsExactlyInAnyOrderElementsOf(rules);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void ruleMatchesItsEventAndNotItsNearMiss(
            String file, JsonNode match, JsonNode miss, String why) {
        SigmaRule rule = byFile.get(file);
        assertThat(rule).as("rule %s loaded", file).isNotNull();

        assertThat(rule.matches(SigmaEvent.of(match))).as("%s matches its event", file).isTrue();
        assertThat(engine.match(match)).as("the index offers %s", file).contains(rule);

        assertThat(rule.matches(SigmaEvent.of(miss)))
                .as("%s must not match its near miss: %s", file, why)
                .isFalse();
        assertThat(engine.match(miss)).doesNotContain(rule);
    }

    static Stream<Arguments> ruleCases() throws IOException {
        JsonNode root = cases();
        JsonNode base = root.get("base");
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(
                    Arguments.of(
                            c.get("rule").asText(),
                            merge(base, c.get("match")),
                            merge(base, c.get("miss")),
                            c.get("why").asText()));
        }
        return out.stream();
    }

    static JsonNode cases() throws IOException {
        try (InputStream in =
                CloudTrailRuleSetTest.class.getResourceAsStream(
                        "/sigma/cloudtrail-rule-cases.json")) {
            return JSON.readTree(in);
        }
    }

    /** {@code overlay} on a copy of {@code base}; nested objects merge, other values replace. */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        ObjectNode out = base.deepCopy();
        overlay.fields()
                .forEachRemaining(
                        e -> {
                            JsonNode current = out.get(e.getKey());
                            if (current != null && current.isObject() && e.getValue().isObject()) {
                                out.set(e.getKey(), merge(current, e.getValue()));
                            } else {
                                out.set(e.getKey(), e.getValue());
                            }
                        });
        return out;
    }
}
