package dev.guardian.security.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.common.cli.SharedData;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailNormalizerTest {

    private final CloudTrailRecords records = new CloudTrailRecords();

    private SecurityEvent one(String json) {
        CloudTrailRecords.Batch batch = records.parse(json);
        assertThat(batch.rejects()).isEmpty();
        return CloudTrailNormalizer.normalize(batch.records().get(0));
    }

    @Test
    void normalizesTheFieldsAndKeepsTheOriginal() {
        String json =
                "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
                        + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\","
                        + "\"userName\":\"alice\"},\"eventTime\":\"2024-05-01T10:00:00Z\","
                        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"DeleteBucket\","
                        + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.7\","
                        + "\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":{\"bucketName\":\"b1\"},"
                        + "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"Access Denied\","
                        + "\"eventID\":\"e-1\",\"recipientAccountId\":\"111122223333\"}";
        SecurityEvent e = one(json);
        assertThat(e.getTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(e.getActor()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(e.getSourceIp()).isEqualTo("198.51.100.7");
        assertThat(e.getUserAgent()).isEqualTo("aws-cli/2.15.0");
        assertThat(e.getService()).isEqualTo("s3.amazonaws.com");
        assertThat(e.getOperation()).isEqualTo("DeleteBucket");
        assertThat(e.getOutcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.getRegion()).isEqualTo("eu-west-1");
        assertThat(e.getResource()).isEqualTo("b1");
        assertThat(e.getEventId()).isEqualTo("e-1");
        assertThat(e.getAccountId()).isEqualTo("111122223333");
        assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
        assertThat(e.getOriginalJson()).contains("\"requestParameters\":{\"bucketName\":\"b1\"}");
    }

    @Test
    void consoleLoginOutcomeAndServiceActors() {
        assertThat(
                        one("{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventName\":\"ConsoleLogin\","
                                        + "\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
                                        + "\"userIdentity\":{\"userName\":\"bob\"}}")
                                .getOutcome())
                .isEqualTo(Outcome.FAILURE);
        SecurityEvent service =
                one(
                        "{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventName\":\"AssumeRole\","
                                + "\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"},"
                                + "\"resources\":[{\"ARN\":\"arn:aws:iam::1:role/r\"}]}");
        assertThat(service.getActor()).isEqualTo("ec2.amazonaws.com");
        assertThat(service.getOutcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(service.getResource()).isEqualTo("arn:aws:iam::1:role/r");
    }

    @Test
    void envelopeRecordsNormalizeOneByOne() {
        CloudTrailRecords.Batch batch =
                records.parse(
                        "{\"Records\":[{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventName\":\"A\"},"
                                + "{\"eventTime\":\"2024-05-01T10:00:01Z\",\"eventName\":\"B\"}]}");
        assertThat(batch.records())
                .extracting(r -> CloudTrailNormalizer.normalize(r).getOperation())
                .containsExactly("A", "B");
    }

    @Test
    void aRecordWithoutTimeOrWithABadTimeIsInvalid() {
        JsonNode noTime = records.parse("{\"eventName\":\"A\"}").records().get(0);
        assertThatThrownBy(() -> CloudTrailNormalizer.normalize(noTime))
                .isInstanceOf(InvalidCloudTrailRecordException.class)
                .hasMessageContaining("no eventTime");
        JsonNode badTime =
                records.parse("{\"eventName\":\"A\",\"eventTime\":\"yesterday\"}").records().get(0);
        assertThatThrownBy(() -> CloudTrailNormalizer.normalize(badTime))
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void everyOtrfRecordNormalizes() throws Exception {
        Path file =
                SharedData.root()
                        .orElseThrow()
                        .resolve(
                                "security/otrf/datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration_2020-09-14011940.json");
        List<String> lines = Files.readAllLines(file);
        int n = 0;
        for (String line : lines) {
            for (JsonNode record : records.parse(line).records()) {
                SecurityEvent e = CloudTrailNormalizer.normalize(record);
                assertThat(e.getTime()).isAfter(Instant.parse("2020-09-13T00:00:00Z"));
                assertThat(e.getActor()).isNotBlank();
                n++;
            }
        }
        assertThat(n).isEqualTo(103);
    }
}
