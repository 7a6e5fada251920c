package dev.guardian.security.sigma;

import static dev.guardian.security.sigma.TestRules.matches;
import static dev.guardian.security.sigma.TestRules.problem;
import static dev.guardian.security.sigma.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maps, lists, keywords, nested paths and the condition language. */
class DetectionStructureTest {

    @Test
    void mapIsAndListOfMapsIsOr() {
        SigmaRule map =
                rule("s:\n  eventSource: iam.amazonaws.com\n  eventName: CreateUser\ncondition: s");
        assertThat(matches(map, "{'eventSource':'iam.amazonaws.com','eventName':'CreateUser'}"))
                .isTrue();
        assertThat(matches(map, "{'eventSource':'s3.amazonaws.com','eventName':'CreateUser'}"))
                .isFalse();

        SigmaRule list =
                rule("s:\n  - eventName: CreateUser\n  - userAgent|contains: hog\ncondition: s");
        assertThat(matches(list, "{'eventName':'CreateUser'}")).isTrue();
        assertThat(matches(list, "{'userAgent':'TruffleHog'}")).isTrue();
        assertThat(matches(list, "{'eventName':'DeleteUser'}")).isFalse();
    }

    @Test
    void keywordsSearchEveryValueOfTheEvent() {
        SigmaRule keywords =
                rule("keywords:\n  - mimikatz\n  - 'Invoke-*Shell'\ncondition: keywords");
        assertThat(matches(keywords, "{'a':{'b':['x','run MIMIKATZ now']}}")).isTrue();
        assertThat(matches(keywords, "{'cmd':'Invoke-PowerShell -x'}")).isTrue();
        assertThat(matches(keywords, "{'cmd':'ls -la'}")).isFalse();

        SigmaRule single = rule("kw: 'evil.example'\ncondition: kw");
        assertThat(matches(single, "{'host':'cdn.evil.example.net'}")).isTrue();
        assertThat(matches(single, "{'host':'good.example'}")).isFalse();

        SigmaRule all = rule("kw:\n  '|all':\n    - curl\n    - '*169.254*'\ncondition: kw");
        assertThat(matches(all, "{'a':'curl','b':'http://169.254.169.254/'}")).isTrue();
        assertThat(matches(all, "{'a':'curl'}")).isFalse();
    }

    @Test
    void nestedPathsWalkObjectsAndArrays() {
        SigmaRule r =
                rule(
                        "s:\n  requestParameters.containerDefinitions.command|contains: "
                                + "'$AWS_CONTAINER'\ncondition: s");
        assertThat(
                        matches(
                                r,
                                "{'requestParameters':{'containerDefinitions':["
                                        + "{'command':['sh','-c','ok']},"
                                        + "{'command':['sh','-c','curl $AWS_CONTAINER_CREDENTIALS']}]}}"))
                .isTrue();
        assertThat(
                        matches(
                                r,
                                "{'requestParameters':{'containerDefinitions':[{'command':['ok']}]}}"))
                .isFalse();

        SigmaRule flat = rule("s:\n  userIdentity.type: Root\ncondition: s");
        assertThat(matches(flat, "{'userIdentity.type':'Root'}")).isTrue();
    }

    @Test
    void objectValuesMatchTheirJsonOrAnyTextInside() {
        SigmaRule r = rule("s:\n  requestParameters|contains: Suspended\ncondition: s");
        assertThat(
                        matches(
                                r,
                                "{'requestParameters':{'VersioningConfiguration':{'Status':'Suspended'}}}"))
                .isTrue();
        assertThat(matches(r, "{'requestParameters':{'Status':'Enabled'}}")).isFalse();

        SigmaRule quoted =
                rule("s:\n  requestParameters|contains: '\"s3:GetObject\"'\ncondition: s");
        assertThat(
                        matches(
                                quoted,
                                "{\"requestParameters\":{\"policyDocument\":"
                                        + "\"{\\\"Action\\\":\\\"s3:GetObject\\\"}\"}}"))
                .isTrue();
    }

    @Test
    void andOrNotWithPrecedenceAndParentheses() {
        String sels = "a:\n  x: 1\nb:\n  y: 1\nc:\n  z: 1\n";
        SigmaRule precedence = rule(sels + "condition: a or b and c");
        assertThat(matches(precedence, "{'x':1}")).isTrue();
        assertThat(matches(precedence, "{'y':1}")).isFalse();
        assertThat(matches(precedence, "{'y':1,'z':1}")).isTrue();

        SigmaRule grouped = rule(sels + "condition: (a or b) and c");
        assertThat(matches(grouped, "{'x':1}")).isFalse();
        assertThat(matches(grouped, "{'x':1,'z':1}")).isTrue();

        SigmaRule not = rule(sels + "condition: a and not b");
        assertThat(matches(not, "{'x':1}")).isTrue();
        assertThat(matches(not, "{'x':1,'y':1}")).isFalse();

        SigmaRule notGroup = rule(sels + "condition: not (a or b)");
        assertThat(matches(notGroup, "{'z':1}")).isTrue();
        assertThat(matches(notGroup, "{'y':1}")).isFalse();

        SigmaRule upper = rule(sels + "condition: a AND NOT b");
        assertThat(matches(upper, "{'x':1}")).isTrue();
    }

    @Test
    void quantifiersOverPatternsAndThem() {
        String sels = "selection_a:\n  x: 1\nselection_b:\n  y: 1\nfilter:\n  z: 1\n";
        SigmaRule oneOf = rule(sels + "condition: 1 of selection_* and not filter");
        assertThat(matches(oneOf, "{'y':1}")).isTrue();
        assertThat(matches(oneOf, "{'y':1,'z':1}")).isFalse();
        assertThat(matches(oneOf, "{'z':1}")).isFalse();

        SigmaRule allOf = rule(sels + "condition: all of selection_*");
        assertThat(matches(allOf, "{'x':1,'y':1}")).isTrue();
        assertThat(matches(allOf, "{'x':1}")).isFalse();

        SigmaRule oneOfThem = rule(sels + "condition: 1 of them");
        assertThat(matches(oneOfThem, "{'z':1}")).isTrue();
        assertThat(matches(oneOfThem, "{'q':1}")).isFalse();

        SigmaRule allOfThem = rule(sels + "condition: all of them");
        assertThat(matches(allOfThem, "{'x':1,'y':1,'z':1}")).isTrue();
        assertThat(matches(allOfThem, "{'x':1,'y':1}")).isFalse();

        SigmaRule twoOf = rule(sels + "condition: 2 of them");
        assertThat(matches(twoOf, "{'x':1,'z':1}")).isTrue();
        assertThat(matches(twoOf, "{'x':1}")).isFalse();
    }

    @Test
    void themLeavesOutUnderscoreIdentifiers() {
        SigmaRule r = rule("a:\n  x: 1\n_helper:\n  y: 1\ncondition: all of them");
        assertThat(matches(r, "{'x':1}")).isTrue();
    }

    @Test
    void conditionListIsOr() {
        SigmaRule r = rule("a:\n  x: 1\nb:\n  y: 1\ncondition:\n  - a\n  - b");
        assertThat(matches(r, "{'y':1}")).isTrue();
        assertThat(matches(r, "{'z':1}")).isFalse();
    }

    @Test
    void conditionErrorsNameTheProblemAndLine() {
        RuleProblem unknown = problem("a:\n  x: 1\ncondition: a and b");
        assertThat(unknown.reason()).contains("'b'");
        assertThat(unknown.line()).isEqualTo(8);

        assertThat(problem("a:\n  x: 1\ncondition: (a").reason()).contains("missing ')'");
        assertThat(problem("a:\n  x: 1\ncondition: a and").reason()).contains("ends where");
        assertThat(problem("a:\n  x: 1\ncondition: 1 of sel_*").reason())
                .contains("matches no search identifier");
        assertThat(problem("a:\n  x: 1\ncondition: a a").reason()).contains("unexpected 'a'");

        RuleProblem aggregation = problem("a:\n  x: 1\ncondition: a | count() > 5");
        assertThat(aggregation.unsupported()).isTrue();
        assertThat(aggregation.reason()).contains("correlation rule");
    }
}
