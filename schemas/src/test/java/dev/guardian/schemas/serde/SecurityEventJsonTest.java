package dev.guardian.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SampleRecords;
import dev.guardian.schemas.SecurityEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityEventJsonTest {
    private final RecordCodec<SecurityEvent> codec = RecordCodec.of(SecurityEvent.class);

    private static final String GET_OBJECT =
            "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
                    + "\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::123456789123:user/pedro\","
                    + "\"accountId\":\"123456789123\",\"userName\":\"pedro\"},"
                    + "\"eventTime\":\"2020-09-14T00:44:23Z\",\"eventSource\":\"s3.amazonaws.com\","
                    + "\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\","
                    + "\"sourceIPAddress\":\"1.2.3.4\",\"userAgent\":\"aws-cli/2.13.0\","
                    + "\"requestParameters\":{\"bucketName\":\"finance-reports\",\"key\":\"q3.csv\"},"
                    + "\"resources\":[{\"type\":\"AWS::S3::Object\","
                    + "\"ARN\":\"arn:aws:s3:::finance-reports/q3.csv\"}],"
                    + "\"eventID\":\"fd4f1042-c7f6-4107-a6ee-d841d92596e7\","
                    + "\"recipientAccountId\":\"123456789123\"}";

    @Test
    void cloudTrailRecordIsNormalizedAndKeptVerbatim() {
        SecurityEvent event = codec.decodeJson(GET_OBJECT);

        assertThat(event.getTime()).isEqualTo(Instant.parse("2020-09-14T00:44:23Z"));
        assertThat(event.getActor()).isEqualTo("arn:aws:iam::123456789123:user/pedro");
        assertThat(event.getSourceIp()).isEqualTo("1.2.3.4");
        assertThat(event.getUserAgent()).isEqualTo("aws-cli/2.13.0");
        assertThat(event.getService()).isEqualTo("s3.amazonaws.com");
        assertThat(event.getOperation()).isEqualTo("GetObject");
        assertThat(event.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.getRegion()).isEqualTo("us-east-1");
        assertThat(event.getResource()).isEqualTo("arn:aws:s3:::finance-reports/q3.csv");
        assertThat(event.getEventId()).isEqualTo("fd4f1042-c7f6-4107-a6ee-d841d92596e7");
        assertThat(event.getAccountId()).isEqualTo("123456789123");
        assertThat(event.getErrorCode()).isNull();
        assertThat(event.getOriginalJson()).isEqualTo(GET_OBJECT);
    }

    @Test
    void errorCodeMeansFailure() {
        SecurityEvent event =
                codec.decodeJson(
                        GET_OBJECT.replace(
                                "\"eventID\"",
                                "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"Access Denied\",\"eventID\""));

        assertThat(event.getOutcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.getErrorCode()).isEqualTo("AccessDenied");
        assertThat(event.getErrorMessage()).isEqualTo("Access Denied");
    }

    @Test
    void failedConsoleLoginMeansFailure() {
        SecurityEvent event =
                codec.decodeJson(
                        "{\"eventTime\":\"2020-09-14T00:44:23Z\",\"eventSource\":\"signin.amazonaws.com\","
                                + "\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"IAMUser\","
                                + "\"userName\":\"pedro\"},\"responseElements\":{\"ConsoleLogin\":\"Failure\"}}");

        assertThat(event.getOutcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.getActor()).isEqualTo("pedro");
        assertThat(event.getResource()).isNull();
    }

    @Test
    void cloudTrailFileEnvelopeHoldsManyRecords() {
        String file =
                "{\"Records\":["
                        + GET_OBJECT
                        + ","
                        + GET_OBJECT.replace("GetObject", "PutObject")
                        + "]}";

        assertThat(codec.decodeAll(file.getBytes(StandardCharsets.UTF_8)))
                .extracting(SecurityEvent::getOperation, SecurityEvent::getOriginalJson)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GetObject", GET_OBJECT),
                        org.assertj.core.groups.Tuple.tuple(
                                "PutObject", GET_OBJECT.replace("GetObject", "PutObject")));
    }

    @Test
    void ocsfApiActivity() {
        SecurityEvent event =
                codec.decodeJson(
                        "{\"time\":1600044263000,\"actor\":{\"user\":{\"name\":\"pedro\"}},"
                                + "\"api\":{\"operation\":\"GetObject\",\"service\":{\"name\":\"s3\"}},"
                                + "\"src_endpoint\":{\"ip\":\"1.2.3.4\"},\"status\":\"Failure\","
                                + "\"cloud\":{\"region\":\"eu-west-1\",\"account\":{\"uid\":\"42\"}}}");

        assertThat(event.getActor()).isEqualTo("pedro");
        assertThat(event.getService()).isEqualTo("s3");
        assertThat(event.getOperation()).isEqualTo("GetObject");
        assertThat(event.getSourceIp()).isEqualTo("1.2.3.4");
        assertThat(event.getOutcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.getRegion()).isEqualTo("eu-west-1");
        assertThat(event.getAccountId()).isEqualTo("42");
        assertThat(event.getOriginalJson()).startsWith("{\"time\":1600044263000");
    }

    @Test
    void normalizedEventKeepsItsOriginalJson() {
        SecurityEvent event = SampleRecords.securityEvent();

        assertThat(codec.decodeJson(codec.toJson(event))).isEqualTo(event);
    }
}
