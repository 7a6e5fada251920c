package dev.guardian.security.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocument;
import dev.guardian.connectors.elasticsearch.ElasticsearchDocumentConverter;
import dev.guardian.schemas.Detection;
import dev.guardian.security.alert.DetectionAlerts;
import dev.guardian.security.cloudtrail.CloudTrailRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A detection as a document of the {@code guardian-detections} index
 * (infra/elasticsearch/templates/guardian-detections.json) for triage: the rule, level and ATT&CK
 * tactics and techniques, who and from where, and the matching events themselves as objects
 * (searchable, e.g. {@code events.eventName:StopLogging}). Indexed by the detection id, so a replay
 * or the re-issue with the count of suppressed repeats overwrites it.
 */
public class DetectionDocument implements ElasticsearchDocumentConverter<Detection> {

    private static final long serialVersionUID = 1L;

    private final String index;

    public DetectionDocument(String index) {
        this.index = index;
    }

    @Override
    public ElasticsearchDocument toDocument(Detection d) {
        Map<String, String> fields = d.getFields();
        Map<String, Object> source = new LinkedHashMap<>();
        String time = d.getTime().toString();
        source.put("@timestamp", time);
        source.put("id", d.getId());
        source.put("rule_id", d.getRuleId());
        source.put("rule_title", d.getRuleTitle());
        source.put("level", d.getLevel().name().toLowerCase(Locale.ROOT));
        source.put("tags", d.getTags());
        source.put("attack_tactics", DetectionAlerts.tactics(d.getTags()));
        source.put("attack_techniques", DetectionAlerts.techniques(d.getTags()));
        source.put("time", time);
        source.put(
                "window_start", d.getWindowStart() == null ? null : d.getWindowStart().toString());
        source.put("window_end", d.getWindowEnd() == null ? null : d.getWindowEnd().toString());
        source.put("group_by", d.getGroupBy());
        source.put("actor", fields.get("actor"));
        source.put("source_ip", fields.get("sourceIp"));
        source.put("account_id", fields.get("accountId"));
        source.put("fields", fields);
        source.put("matched_event_ids", d.getMatchedEventIds());
        source.put("suppressed_repeats", DetectionRow.suppressedRepeats(d));
        List<JsonNode> events = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String json : d.getEvents()) {
            try {
                events.add(CloudTrailRecords.json().readTree(json));
            } catch (IOException e) {
                // an event cut to the job's size limit is no longer JSON: kept as text
                unreadable.add(json);
            }
        }
        source.put("events", events);
        source.put("events_truncated", unreadable);
        return ElasticsearchDocument.index(index, d.getId(), source);
    }
}
