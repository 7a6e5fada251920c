package dev.guardian.logs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.LogSearch;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class SinkConvertersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-01-05T10:15:30.250Z");

    private static LogRecord line() {
        LogRecord r = LogRecord.of("checkout", T.toEpochMilli(), "ERROR", "card 4** declined");
        r.eventId = "AAAAAAAAAAAAAAAAAAAAAA";
        r.host = "web-1";
        r.logger = "c.Pay";
        r.traceId = "t1";
        r.attributes = new String[] {"http.status", "402", "region", "eu"};
        r.flags = new String[] {"timestamp_missing"};
        r.ingestedMillis = T.toEpochMilli() + 5;
        r.templateId = "00000000000000ff";
        r.template = "card <*> declined";
        r.parameters = new String[] {"4**"};
        r.redactions = 1;
        return r;
    }

    @Test
    void aLineIsAnEcsDocumentCreatedByItsId() throws Exception {
        ElasticsearchDocument doc =
                new LogDocument("logs-guardian-default", false).toDocument(line());
        assertThat(doc.index()).isEqualTo("logs-guardian-default");
        assertThat(doc.id()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(doc.opType()).isEqualTo(ElasticsearchDocument.OpType.CREATE);

        JsonNode source = JSON.readTree(doc.source());
        assertThat(source.get(LogSearch.TIMESTAMP).asText()).isEqualTo("2026-01-05T10:15:30.250Z");
        assertThat(source.at("/service/name").asText()).isEqualTo("checkout");
        assertThat(source.at("/log/level").asText()).isEqualTo("ERROR");
        assertThat(source.at("/log/logger").asText()).isEqualTo("c.Pay");
        assertThat(source.at("/labels/template_id").asText()).isEqualTo("00000000000000ff");
        assertThat(source.at("/host/name").asText()).isEqualTo("web-1");
        assertThat(source.at("/trace/id").asText()).isEqualTo("t1");
        assertThat(source.has("span")).isFalse();
        assertThat(source.get(LogSearch.MESSAGE).asText()).isEqualTo("card 4** declined");
        assertThat(source.get("tags").get(0).asText()).isEqualTo("timestamp_missing");
        assertThat(source.get("attributes").get("http.status").asText()).isEqualTo("402");
        assertThat(source.at("/guardian/template").asText()).isEqualTo("card <*> declined");
        assertThat(source.at("/guardian/parameters/0").asText()).isEqualTo("4**");
        assertThat(source.at("/guardian/redactions").asInt()).isEqualTo(1);
        assertThat(source.at("/event/ingested").asText()).isEqualTo("2026-01-05T10:15:30.255Z");
    }

    @Test
    void perServiceDataStreamsFollowTheTypeDatasetNamespaceScheme() {
        LogDocument perService = new LogDocument("logs-guardian-default", true);
        assertThat(perService.dataStreamOf("Checkout-API"))
                .isEqualTo("logs-guardian.checkout_api-default");
        assertThat(perService.dataStreamOf("")).isEqualTo("logs-guardian.unknown-default");
        assertThat(perService.dataStreamOf("a/b c*")).isEqualTo("logs-guardian.a_b_c_-default");
    }

    private static Anomaly anomaly() {
        return Anomaly.newBuilder()
                .setId("0123456789abcdef")
                .setSource(Source.LOGS)
                .setEntity("checkout")
                .setMetric("error_lines_per_minute")
                .setLabels(Map.of("service", "checkout"))
                .setTime(T)
                .setValue(40)
                .setExpected(2.0)
                .setUpper(9.0)
                .setUnit("1/min")
                .setScore(0.8)
                .setGrade(AnomalyGrade.HIGH)
                .setDetector("log-error-spike/1")
                .setExplanation("checkout logged 40 error lines")
                .setLinks(Map.of("elasticsearch", "service.name:\"checkout\""))
                .setEvidence(Map.of("example_1", "boom"))
                .build();
    }

    @Test
    void anAnomalyIsATriageDocumentAndARow() throws Exception {
        ElasticsearchDocument doc = new AnomalyDocument("guardian-anomalies").toDocument(anomaly());
        assertThat(doc.index()).isEqualTo("guardian-anomalies");
        assertThat(doc.id()).isEqualTo("0123456789abcdef");
        assertThat(doc.opType()).isEqualTo(ElasticsearchDocument.OpType.INDEX);
        JsonNode source = JSON.readTree(doc.source());
        assertThat(source.get("@timestamp").asText()).isEqualTo("2026-01-05T10:15:30.250Z");
        assertThat(source.get("grade").asText()).isEqualTo("HIGH");
        assertThat(source.at("/evidence/example_1").asText()).isEqualTo("boom");

        Map<String, Object> row = new AnomalyRow().toRow(anomaly());
        assertThat(row)
                .containsEntry("id", "0123456789abcdef")
                .containsEntry("source", "LOGS")
                .containsEntry("time", T)
                .containsEntry("grade", "HIGH")
                .containsEntry("expected", 2.0)
                .containsEntry("lower", null)
                .containsEntry("links", Map.of("elasticsearch", "service.name:\"checkout\""));
    }

    @Test
    void templatesAndCountsAreRows() {
        TemplateEvent e = new TemplateEvent();
        e.service = "api";
        e.templateId = "a1";
        e.template = "GET <*>";
        e.example = "GET /x";
        e.firstSeenMillis = T.toEpochMilli();
        e.timeMillis = T.toEpochMilli() + 1000;
        e.count = 7;
        e.mergedIds = new String[] {"b2", "c3"};

        List<TemplateEvent> expanded = new ArrayList<>();
        new ExpandTemplateMerges()
                .flatMap(
                        e,
                        new Collector<>() {
                            @Override
                            public void collect(TemplateEvent record) {
                                expanded.add(record);
                            }

                            @Override
                            public void close() {}
                        });
        assertThat(expanded).extracting(t -> t.templateId).containsExactly("a1", "b2", "c3");
        assertThat(expanded).extracting(t -> t.mergedInto).containsExactly(null, "a1", "a1");

        Map<String, Object> row = new TemplateRow().toRow(expanded.get(0));
        assertThat(row)
                .containsEntry("template_id", "a1")
                .containsEntry("first_seen", T)
                .containsEntry("changed_at", T.plusSeconds(1))
                .containsEntry("merged_ids", List.of("b2", "c3"))
                .containsEntry("merged_into", "");
        assertThat(new TemplateRow().toRow(expanded.get(1))).containsEntry("merged_into", "a1");

        TemplateCount c = new TemplateCount();
        c.service = "api";
        c.templateId = "a1";
        c.template = "GET <*>";
        c.severity = "INFO";
        c.minuteStartMillis = Instant.parse("2026-01-05T10:15:00Z").toEpochMilli();
        c.count = 12;
        assertThat(new TemplateCountRow().toRow(c))
                .containsEntry("minute", Instant.parse("2026-01-05T10:15:00Z"))
                .containsEntry("severity", "INFO")
                .containsEntry("count", 12L);
    }
}
