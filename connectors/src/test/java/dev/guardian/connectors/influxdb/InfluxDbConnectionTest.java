package dev.guardian.connectors.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfluxDbConnectionTest {

    @Test
    void encodesQueryParametersOfTheWriteUri() {
        InfluxDbConnection connection =
                InfluxDbConnection.of("http://127.0.0.1:8086/", "my db&x")
                        .withRetentionPolicy("1 week");

        assertThat(connection.writeUri().toString())
                .isEqualTo("http://127.0.0.1:8086/write?db=my+db%26x&rp=1+week&precision=ns");
    }

    @Test
    void sendsBasicAuthOnlyWithAUser() {
        InfluxDbConnection connection = InfluxDbConnection.of("http://h:8086", "db");

        assertThat(connection.authorization()).isEmpty();
        assertThat(connection.withCredentials("u", "p").authorization()).contains("Basic dTpw");
        assertThat(connection.withCredentials("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void retriesOnlyRateLimitsAndServerErrors() {
        assertThat(new InfluxDbHttpException(429, "").isRetryable()).isTrue();
        assertThat(new InfluxDbHttpException(503, "").isRetryable()).isTrue();
        assertThat(new InfluxDbHttpException(400, "bad line").isRetryable()).isFalse();
        assertThat(new InfluxDbHttpException(404, "database not found").isRetryable()).isFalse();
    }
}
