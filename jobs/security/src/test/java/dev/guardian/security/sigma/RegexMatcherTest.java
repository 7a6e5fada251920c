package dev.guardian.security.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexMatcherTest {

    @Test
    void requiredLiteralIsFoundOnlyWhenCertain() {
        assertThat(RegexMatcher.requiredLiteral(".+:assumed-role/aws:.+"))
                .isEqualTo(":assumed-role/aws:");
        assertThat(RegexMatcher.requiredLiteral("^abc\\.def$")).isEqualTo("abc.def");
        assertThat(RegexMatcher.requiredLiteral("abcd?ef")).isEqualTo("abc");
        assertThat(RegexMatcher.requiredLiteral("ab\\dcdef")).isEqualTo("cdef");
        assertThat(RegexMatcher.requiredLiteral("(abc|def)")).isNull();
        assertThat(RegexMatcher.requiredLiteral("[a-z]+xyz")).isNull();
        assertThat(RegexMatcher.requiredLiteral("a{2}")).isNull();
        assertThat(RegexMatcher.requiredLiteral(".*")).isNull();
    }

    @Test
    void prefilterNeverChangesTheAnswer() {
        RegexMatcher plain = new RegexMatcher(Pattern.compile(".+:assumed-role/aws:.+"));
        assertThat(plain.matchesText("arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1")).isTrue();
        assertThat(plain.matchesText("arn:aws:sts::1:assumed-role/AWS:ec2-instance/i-1")).isFalse();
        assertThat(plain.matchesText(":assumed-role/aws:")).isFalse();

        RegexMatcher ignoreCase =
                new RegexMatcher(
                        Pattern.compile(".+:assumed-role/aws:.+", Pattern.CASE_INSENSITIVE));
        assertThat(ignoreCase.matchesText("arn:aws:sts::1:ASSUMED-ROLE/AWS:x")).isTrue();
        assertThat(ignoreCase.matchesText("arn:aws:iam::1:user/x")).isFalse();
    }
}
