package dev.guardian.logs.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRedactorTest {

    private final LogRedactor redactor = LogRedactor.defaults();

    @Test
    void redactsEmailAddresses() {
        LogRedactor.Result result = redactor.redact("mail to jane.doe+x@mail.example.co.uk failed");
        assertThat(result.text()).isEqualTo("mail to [REDACTED:email] failed");
        assertThat(result.counts()).containsExactly(Map.entry("email", 1));
    }

    @Test
    void redactsCardNumbersThatPassTheLuhnCheckOnly() {
        LogRedactor.Result result =
                redactor.redact(
                        "paid with 4111 1111 1111 1111 and 5500-0000-0000-0004, order 4111111111111112");
        assertThat(result.text())
                .isEqualTo(
                        "paid with [REDACTED:credit_card] and [REDACTED:credit_card],"
                                + " order 4111111111111112");
        assertThat(result.counts()).containsExactly(Map.entry("credit_card", 2));
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        String text = "block blk_-6952295868487656571 of size 67108864 at 1117838570";
        assertThat(redactor.redact(text).text()).isSameAs(text);
    }

    @Test
    void redactsAwsAccessKeyIdsAndSecretKeys() {
        LogRedactor.Result result =
                redactor.redact(
                        "key AKIAIOSFODNN7EXAMPLE secret aws_secret_access_key="
                                + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY used");
        assertThat(result.text())
                .isEqualTo(
                        "key [REDACTED:aws_key] secret aws_secret_access_key=[REDACTED:aws_key]"
                                + " used");
        assertThat(result.total()).isEqualTo(2);
    }

    @Test
    void redactsBearerTokensButKeepsTheScheme() {
        assertThat(redactor.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-_x=").text())
                .isEqualTo("Authorization: Bearer [REDACTED:bearer_token]");
    }

    @Test
    void redactsPasswordsInUrlsButKeepsTheUser() {
        assertThat(redactor.redact("connect postgres://app:s3cr3t!@db:5432/main failed").text())
                .isEqualTo("connect postgres://app:[REDACTED:url_password]@db:5432/main failed");
        assertThat(redactor.redact("GET https://example.com/a:b@c").text())
                .isEqualTo("GET https://example.com/a:b@c");
    }

    @Test
    void rulesAreConfigurableAndCustomRulesAreAdded() {
        LogRedactor configured =
                LogRedactor.configured(
                        List.of("email"), Map.of("password", "(?<=password=)[^&\\s]+"));

        LogRedactor.Result result =
                configured.redact("login a@b.io password=hunter2 card 4111 1111 1111 1111");

        assertThat(result.text())
                .isEqualTo(
                        "login [REDACTED:email] password=[REDACTED:password] card 4111 1111 1111"
                                + " 1111");
        assertThat(result.counts())
                .containsExactly(Map.entry("email", 1), Map.entry("password", 1));
    }

    @Test
    void rejectsUnknownRulesAndInvalidExpressions() {
        assertThatThrownBy(() -> LogRedactor.configured(List.of("ssn"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ssn");
        assertThatThrownBy(() -> LogRedactor.configured(List.of(), Map.of("bad", "(")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
    }

    @Test
    void countsAccumulateAcrossTexts() {
        int[] counts = new int[redactor.rules().size()];
        redactor.redact("a@b.io", counts);
        redactor.redact("c@d.io and e@f.io", counts);
        assertThat(counts[0]).isEqualTo(3);
    }
}
