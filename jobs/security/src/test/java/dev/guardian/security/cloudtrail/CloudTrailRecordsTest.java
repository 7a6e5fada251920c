package dev.guardian.security.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.security.sigma.SigmaEngine;
import dev.guardian.security.sigma.SigmaRule;
import dev.guardian.security.sigma.SigmaRuleParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input: each kind is rejected with its reason and never stops the good records. */
class CloudTrailRecordsTest {

    private final CloudTrailRecords parser = new CloudTrailRecords();

    @Test
    void singleRecord() {
        CloudTrailRecords.Batch batch =
                parser.parse(
                        "{\"eventName\":\"StopLogging\",\"eventSource\":\"cloudtrail.amazonaws.com\"}");
        assertThat(batch.rejects()).isEmpty();
        assertThat(batch.records())
                .singleElement()
                .satisfies(r -> assertThat(r.get("eventName").asText()).isEqualTo("StopLogging"));
    }

    @Test
    void envelopeKeepsGoodRecordsAndRejectsBadOnes() {
        CloudTrailRecords.Batch batch =
                parser.parse(
                        "{\"Records\":[{\"eventName\":\"A\"},{\"eventSource\":\"s3.amazonaws.com\"},"
                                + "\"text\",{\"eventName\":\"B\"},{\"eventName\":42}]}");
        assertThat(batch.records())
                .extracting(r -> r.get("eventName").asText())
                .containsExactly("A", "B");
        assertThat(batch.rejects())
                .containsExactly(
                        "record 1 of the envelope: record has no eventName",
                        "record 2 of the envelope: a CloudTrail record must be a JSON object, found STRING",
                        "record 4 of the envelope: eventName is not a non-empty string");
    }

    @Test
    void invalidJsonIsRejectedWithItsPosition() {
        CloudTrailRecords.Batch batch =
                parser.parse("{\"eventName\": \"ConsoleLogin\", \"userIdentity\": {");
        assertThat(batch.records()).isEmpty();
        assertThat(batch.rejects())
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("invalid JSON").contains("column"));

        assertThat(parser.parse("{\"eventName\":\"A\"} trailing").rejects())
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("invalid JSON"));
        assertThat(parser.parse("").rejects())
                .singleElement()
                .satisfies(r -> assertThat(r).contains("empty"));
    }

    @Test
    void recordMissingEventNameIsRejected() {
        assertThat(parser.parse("{\"eventSource\":\"iam.amazonaws.com\"}").rejects())
                .containsExactly("record has no eventName");
        assertThat(parser.parse("{\"eventName\":null}").rejects())
                .containsExactly("record has no eventName");
        assertThat(parser.parse("[1,2]").rejects()).hasSize(2);
    }

    @Test
    void hugeRequestParametersAreMatchedWithinTheLimit() {
        String big = "x".repeat(2_000_000);
        String json =
                "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutBucketPolicy\","
                        + "\"requestParameters\":{\"bucketName\":\"b\",\"policy\":\""
                        + big
                        + "Suspended\"}}";
        CloudTrailRecords.Batch batch = parser.parse(json);
        assertThat(batch.rejects()).isEmpty();

        SigmaRule rule =
                new SigmaRuleParser()
                        .parse(
                                "huge.yml",
                                "title: t\ndetection:\n  s:\n    eventSource: s3.amazonaws.com\n"
                                        + "    requestParameters|contains: suspended\n  condition: s\n")
                        .get(0)
                        .rule();
        JsonNode record = batch.records().get(0);
        assertThat(SigmaEngine.of(List.of(rule)).match(record)).containsExactly(rule);
    }

    @Test
    void messagesAboveTheLimitAreRejectedWhole() {
        CloudTrailRecords small = new CloudTrailRecords(1024);
        String json =
                "{\"eventName\":\"A\",\"requestParameters\":{\"p\":\"" + "y".repeat(2000) + "\"}}";
        assertThat(small.parse(json).records()).isEmpty();
        assertThat(small.parse(json).rejects())
                .singleElement()
                .satisfies(r -> assertThat(r).contains("exceeds the limit of 1024 bytes"));
    }
}
