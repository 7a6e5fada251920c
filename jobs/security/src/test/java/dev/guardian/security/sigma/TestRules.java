package dev.guardian.security.sigma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Builds rules from a detection section and events from JSON, for the tests. */
final class TestRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRules() {}

    /** A rule whose detection section is {@code detection} (indented by the caller or not). */
    static SigmaRule rule(String detection) {
        return rule(detection, Map.of());
    }

    static SigmaRule rule(String detection, Map<String, List<String>> placeholders) {
        SigmaRuleParser.Document d = document(detection, placeholders);
        if (d.problem() != null) {
            throw new AssertionError(d.problem().toString());
        }
        return d.rule();
    }

    /** The problem the detection gives, or an assertion error if it compiles. */
    static RuleProblem problem(String detection) {
        SigmaRuleParser.Document d = document(detection, Map.of());
        if (d.problem() == null) {
            throw new AssertionError("expected a problem with:\n" + detection);
        }
        return d.problem();
    }

    private static SigmaRuleParser.Document document(
            String detection, Map<String, List<String>> placeholders) {
        String yaml =
                "title: test\nid: test-rule\nlogsource:\n  product: aws\ndetection:\n"
                        + detection.stripIndent().indent(2);
        List<SigmaRuleParser.Document> docs =
                new SigmaRuleParser(placeholders).parse("test.yml", yaml);
        return docs.get(0);
    }

    static JsonNode json(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static boolean matches(SigmaRule rule, String json) {
        return rule.matches(SigmaEvent.of(json(json)));
    }
}
