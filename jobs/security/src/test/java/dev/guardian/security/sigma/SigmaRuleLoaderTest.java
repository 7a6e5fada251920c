package dev.guardian.security.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule directories with bad files: each problem named by file and line, the rest still load. */
class SigmaRuleLoaderTest {

    private static final String GOOD =
            "title: Trail stopped\n"
                    + "id: good-1\n"
                    + "logsource:\n  product: aws\n  service: cloudtrail\n"
                    + "detection:\n"
                    + "  selection:\n"
                    + "    eventSource: cloudtrail.amazonaws.com\n"
                    + "    eventName: StopLogging\n"
                    + "  condition: selection\n"
                    + "level: high\n"
                    + "tags:\n  - attack.defense-evasion\n  - attack.t1562.008\n";

    @TempDir Path dir;

    @Test
    void malformedYamlIsReportedWithFileAndLineAndOthersLoad() throws IOException {
        Files.writeString(dir.resolve("a_good.yml"), GOOD);
        Files.writeString(
                dir.resolve("b_broken.yml"),
                "title: Broken\n"
                        + "detection:\n"
                        + "  selection:\n"
                        + "    eventName: [unclosed\n"
                        + "  condition: selection\n");

        SigmaRuleSet set = new SigmaRuleLoader().load(dir);

        assertThat(set.summary()).isEqualTo("rules loaded 1/2");
        assertThat(set.rules()).extracting(SigmaRule::id).containsExactly("good-1");
        assertThat(set.problems()).hasSize(1);
        RuleProblem p = set.problems().get(0);
        assertThat(p.source()).endsWith("b_broken.yml");
        assertThat(p.line()).isBetween(4, 5);
        assertThat(p.reason()).startsWith("invalid YAML");
        assertThat(p.unsupported()).isFalse();
    }

    @Test
    void structuralMistakesNameTheirLine() throws IOException {
        Files.writeString(
                dir.resolve("no_condition.yml"), "title: x\ndetection:\n  sel:\n    a: 1\n");
        Files.writeString(dir.resolve("no_detection.yml"), "title: x\nlogsource: {}\n");
        Files.writeString(
                dir.resolve("dup_key.yml"),
                "title: x\ndetection:\n  sel:\n    a: 1\n    a: 2\n  condition: sel\n");
        Files.writeString(
                dir.resolve("nested_map.yml"),
                "title: x\ndetection:\n  sel:\n    a:\n      b: 1\n  condition: sel\n");
        Files.writeString(dir.resolve("list_doc.yml"), "- just\n- a list\n");
        Files.writeString(dir.resolve("empty.yml"), "");

        SigmaRuleSet set = new SigmaRuleLoader().load(dir);

        assertThat(set.rules()).isEmpty();
        assertThat(set.documents()).isEqualTo(6);
        assertThat(set.problems().stream().map(RuleProblem::toString).collect(Collectors.toList()))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("no_condition.yml:2")
                                        .contains("no 'condition'"))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("no_detection.yml:1")
                                        .contains("no 'detection'"))
                .anySatisfy(
                        s -> assertThat(s).contains("dup_key.yml:5").contains("duplicate key 'a'"))
                .anySatisfy(s -> assertThat(s).contains("nested_map.yml:5").contains("is a map"))
                .anySatisfy(s -> assertThat(s).contains("list_doc.yml:1").contains("YAML mapping"))
                .anySatisfy(s -> assertThat(s).contains("empty.yml").contains("holds no rule"));
    }

    @Test
    void duplicateIdsKeepTheFirst() throws IOException {
        Files.writeString(dir.resolve("a.yml"), GOOD);
        Files.writeString(dir.resolve("b.yml"), GOOD);

        SigmaRuleSet set = new SigmaRuleLoader().load(dir);

        assertThat(set.rules()).hasSize(1);
        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.source()).endsWith("b.yml");
                            assertThat(p.reason())
                                    .contains("duplicate rule id good-1")
                                    .contains("a.yml:1");
                        });
    }

    @Test
    void ruleMetadataIsKept() throws IOException {
        Files.writeString(dir.resolve("a.yml"), GOOD);
        SigmaRule rule = new SigmaRuleLoader().load(dir).rules().get(0);
        assertThat(rule.title()).isEqualTo("Trail stopped");
        assertThat(rule.level()).isEqualTo("high");
        assertThat(rule.tags()).containsExactly("attack.defense-evasion", "attack.t1562.008");
        assertThat(rule.logsource()).containsEntry("service", "cloudtrail");
        assertThat(rule.source()).endsWith("a.yml");
    }

    @Test
    void multiDocumentFileWithCorrelation() throws IOException {
        Files.writeString(
                dir.resolve("brute_force.yml"),
                "title: Failed console login\n"
                        + "name: failed_login\n"
                        + "detection:\n"
                        + "  sel:\n"
                        + "    eventName: ConsoleLogin\n"
                        + "    errorMessage: Failed authentication\n"
                        + "  condition: sel\n"
                        + "---\n"
                        + "title: Many failed console logins\n"
                        + "id: brute-1\n"
                        + "correlation:\n"
                        + "  type: event_count\n"
                        + "  rules: [failed_login]\n"
                        + "  group-by: [userIdentity.arn]\n"
                        + "  timespan: 10m\n"
                        + "  condition:\n"
                        + "    gte: 5\n"
                        + "level: high\n"
                        + "---\n"
                        + "title: Dangling\n"
                        + "correlation:\n"
                        + "  type: temporal\n"
                        + "  rules: [nope]\n"
                        + "  group-by: [x]\n"
                        + "  timespan: 1h\n");

        SigmaRuleSet set = new SigmaRuleLoader().load(dir);

        assertThat(set.summary()).isEqualTo("rules loaded 2/3");
        SigmaCorrelationRule c = set.correlations().get(0);
        assertThat(c.type()).isEqualTo(SigmaCorrelationRule.Type.EVENT_COUNT);
        assertThat(c.timespan()).hasMinutes(10);
        assertThat(c.condition().test(5)).isTrue();
        assertThat(c.condition().test(4)).isFalse();
        assertThat(set.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(20);
                            assertThat(p.reason()).contains("'nope'");
                        });
    }

    @Test
    void correlationMistakesAreReported() throws IOException {
        Files.writeString(
                dir.resolve("c.yml"),
                "title: c\ncorrelation:\n  type: sequence\n  rules: [a]\n  timespan: 1h\n"
                        + "---\n"
                        + "title: d\ncorrelation:\n  type: value_count\n  rules: [a]\n"
                        + "  group-by: [x]\n  timespan: 1 hour\n  condition: {gte: 3}\n"
                        + "---\n"
                        + "title: e\ncorrelation:\n  type: value_count\n  rules: [a]\n"
                        + "  group-by: [x]\n  timespan: 1h\n  condition: {gte: 3}\n");
        SigmaRuleSet set = new SigmaRuleLoader().load(dir);
        assertThat(set.problems().stream().map(RuleProblem::toString).collect(Collectors.toList()))
                .anySatisfy(
                        s -> assertThat(s).contains("c.yml:3").contains("unknown correlation type"))
                .anySatisfy(s -> assertThat(s).contains("c.yml:12").contains("timespan '1 hour'"))
                .anySatisfy(s -> assertThat(s).contains("c.yml:21").contains("needs a 'field'"));
    }
}
