package dev.guardian.alerts.sink;

import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert record → a document of the {@code guardian-alerts} index (template
 * infra/elasticsearch/templates/guardian-alerts.json), id = {@link AlertRecordRow#recordId}.
 */
public class AlertRecordDocument implements ElasticsearchDocumentConverter<AlertRecord> {

    private static final long serialVersionUID = 1L;

    public static final String INDEX = "guardian-alerts";

    private final String index;

    public AlertRecordDocument() {
        this(INDEX);
    }

    public AlertRecordDocument(String index) {
        this.index = index;
    }

    @Override
    public ElasticsearchDocument toDocument(AlertRecord r) {
        return ElasticsearchDocument.index(index, AlertRecordRow.recordId(r), source(r));
    }

    static Map<String, Object> source(AlertRecord r) {
        AlertView a = r.decision.alert;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", Instant.ofEpochMilli(a.time).toString());
        doc.put("fingerprint", a.fingerprint);
        doc.put("episode_id", r.decision.episodeId);
        doc.put("source", a.source);
        doc.put("severity", a.severity);
        doc.put("status", a.status);
        doc.put("decision", r.decision.decision.name());
        doc.put("notified", r.decision.decision.notifies() && !r.receivers.isEmpty());
        doc.put("notification_seq", r.decision.notificationSeq);
        doc.put("muted_by", r.decision.mutedBy);
        doc.put("title", a.title);
        doc.put("summary", a.summary);
        doc.put("entity", a.entity);
        doc.put("labels", a.labels);
        doc.put("evidence", a.evidence);
        doc.put("value", a.value);
        doc.put("expected", a.expected);
        doc.put("starts_at", Instant.ofEpochMilli(a.startsAt).toString());
        doc.put("routes", r.routes);
        doc.put("receivers", r.receivers);
        doc.put("runbook", a.runbook);
        doc.put("origin_id", a.originId);
        List<Map<String, String>> links = new ArrayList<>();
        for (AlertLink link : a.links) {
            Map<String, String> l = new LinkedHashMap<>();
            l.put("href", link.href);
            l.put("text", link.text);
            links.add(l);
        }
        doc.put("links", links);
        return doc;
    }
}
