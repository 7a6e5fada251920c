package dev.guardian.security.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import dev.guardian.schemas.Outcome;
import dev.guardian.schemas.SecurityEvent;
import dev.guardian.security.suppress.SuppressRepeats;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConvertersTest {

    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    static SecurityEvent event(String eventId) {
        return SecurityEvent.newBuilder()
                .setTime(T)
                .setActor("arn:aws:iam::111122223333:user/alice")
                .setSourceIp("203.0.113.7")
                .setUserAgent("aws-cli/2.15.0")
                .setService("s3.amazonaws.com")
                .setOperation("GetObject")
                .setOutcome(Outcome.FAILURE)
                .setRegion("us-east-1")
                .setResource("bucket-1")
                .setEventId(eventId)
                .setAccountId("111122223333")
                .setErrorCode("AccessDenied")
                .setErrorMessage("denied")
                .setOriginalJson("{\"eventName\":\"GetObject\"}")
                .build();
    }

    static Detection detection(Map<String, String> fields, List<String> events) {
        return Detection.newBuilder()
                .setId("d1")
                .setRuleId("r1")
                .setRuleTitle("Rule one")
                .setLevel(DetectionLevel.HIGH)
                .setTags(List.of("attack.t1078.004", "attack.initial-access"))
                .setTime(T)
                .setGroupBy(Map.of("principal", "alice"))
                .setMatchedEventIds(List.of("e1", "e2"))
                .setEvents(events)
                .setFields(fields)
                .build();
    }

    @Test
    void eventRowKeepsNormalizedFieldsAndTheOriginal() {
        Map<String, Object> row = new SecurityEventRow().toRow(event("e1"));
        assertThat(row)
                .containsEntry("time", T)
                .containsEntry("event_id", "e1")
                .containsEntry("operation", "GetObject")
                .containsEntry("outcome", "FAILURE")
                .containsEntry("error_code", "AccessDenied")
                .containsEntry("original_json", "{\"eventName\":\"GetObject\"}");
    }

    @Test
    void anEventWithoutIdIsKeyedByAHashOfTheRecord() {
        Object a = new SecurityEventRow().toRow(event(null)).get("event_id");
        assertThat(a).asString().startsWith("sha-").hasSize(36);
        assertThat(new SecurityEventRow().toRow(event(null)).get("event_id")).isEqualTo(a);
    }

    @Test
    void detectionRowLiftsWhoAndFromWhereAndVersionsByRepeats() {
        Map<String, String> fields = new HashMap<>();
        fields.put("actor", "alice");
        fields.put("sourceIp", "203.0.113.7");
        Map<String, Object> row = new DetectionRow().toRow(detection(fields, List.of()));
        assertThat(row)
                .containsEntry("id", "d1")
                .containsEntry("level", "HIGH")
                .containsEntry("actor", "alice")
                .containsEntry("source_ip", "203.0.113.7")
                .containsEntry("account_id", "")
                .containsEntry("suppressed_repeats", 0L)
                .containsEntry("window_start", null);
        fields.put(SuppressRepeats.SUPPRESSED_REPEATS, "7");
        assertThat(new DetectionRow().toRow(detection(fields, List.of())))
                .containsEntry("suppressed_repeats", 7L);
    }

    @Test
    void detectionDocumentCarriesTheMatchingEventsAsObjects() throws Exception {
        String whole = "{\"eventName\":\"StopLogging\",\"userIdentity\":{\"userName\":\"alice\"}}";
        String cut = "{\"eventName\":\"PutObject\",\"requestParameters\":{\"x\":\"aaa";
        ElasticsearchDocument doc =
                new DetectionDocument("guardian-detections")
                        .toDocument(detection(Map.of("actor", "alice"), List.of(whole, cut)));
        assertThat(doc.index()).isEqualTo("guardian-detections");
        assertThat(doc.id()).isEqualTo("d1");
        assertThat(doc.opType()).isEqualTo(ElasticsearchDocument.OpType.INDEX);
        JsonNode source = new ObjectMapper().readTree(doc.source());
        assertThat(source.path("@timestamp").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(source.path("level").asText()).isEqualTo("high");
        assertThat(source.path("attack_techniques").get(0).asText()).isEqualTo("T1078.004");
        assertThat(source.path("attack_tactics").get(0).asText()).isEqualTo("initial-access");
        assertThat(source.path("actor").asText()).isEqualTo("alice");
        assertThat(source.path("group_by").path("principal").asText()).isEqualTo("alice");
        assertThat(source.path("events")).hasSize(1);
        assertThat(source.path("events").get(0).path("userIdentity").path("userName").asText())
                .isEqualTo("alice");
        assertThat(source.path("events_truncated").get(0).asText()).isEqualTo(cut);
        assertThat(source.path("suppressed_repeats").asLong()).isZero();
    }
}
