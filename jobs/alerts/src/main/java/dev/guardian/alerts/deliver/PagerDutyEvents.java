package dev.guardian.alerts.deliver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.config.LinkTemplate;
import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationKind;
import dev.guardian.alerts.model.NotificationMember;
import dev.guardian.alerts.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * PagerDuty Events API v2 events: {@code trigger} for every firing notification and {@code resolve}
 * to close, both with {@code dedup_key} = the notification's dedup key (the alert fingerprint on
 * ungrouped routes), so a trigger sent twice still makes one incident. A pure function.
 */
public final class PagerDutyEvents {

    static final int MAX_SUMMARY = 1024;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PagerDutyEvents() {}

    public static String severity(String guardianSeverity) {
        switch (Severity.parse(guardianSeverity)) {
            case CRITICAL:
                return "critical";
            case ERROR:
                return "error";
            case WARNING:
                return "warning";
            default:
                return "info";
        }
    }

    public static ObjectNode render(
            Notification n, String routingKey, List<LinkTemplate> templates) {
        ObjectNode event = F.objectNode();
        event.put("routing_key", routingKey);
        event.put("dedup_key", n.dedupKey);
        if (n.kind == NotificationKind.RESOLVE) {
            event.put("event_action", "resolve");
            return event;
        }
        event.put("event_action", "trigger");
        AlertView lead = n.lead();
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", Texts.cut(Texts.title(n), MAX_SUMMARY));
        payload.put("source", source(n, lead));
        payload.put("severity", severity(n.severity));
        payload.put("timestamp", Instant.ofEpochMilli(n.time).toString());
        if (lead != null) {
            for (String field : new String[] {"component", "group", "class"}) {
                String value = lead.labels.get(field);
                if (value != null && !value.isBlank()) {
                    payload.put(field, value);
                }
            }
        }
        payload.set("custom_details", details(n, lead));
        ArrayNode links = event.putArray("links");
        for (AlertLink link : NotificationLinks.of(n, templates)) {
            links.addObject().put("href", link.href).put("text", NotificationLinks.text(link));
        }
        event.put("client", "Guardian");
        return event;
    }

    private static String source(Notification n, AlertView lead) {
        if (n.kind == NotificationKind.SUMMARY) {
            return "guardian-alert-router";
        }
        if (n.members.size() + n.omittedMembers > 1 && !n.groupLabels.isEmpty()) {
            return Texts.groupLabels(n);
        }
        return lead == null || lead.entity == null || lead.entity.isBlank()
                ? "unknown"
                : lead.entity;
    }

    private static ObjectNode details(Notification n, AlertView lead) {
        ObjectNode d = F.objectNode();
        d.put("kind", n.kind.name().toLowerCase(Locale.ROOT));
        d.put("notification_id", n.id);
        if (lead != null) {
            d.put("summary", lead.summary);
            d.put("fingerprint", lead.fingerprint);
            d.put("stream", lead.source);
            d.put("entity", lead.entity);
            String value = Texts.valueVsExpected(lead);
            if (value != null) {
                d.put("value_vs_expected", value);
            }
            if (lead.value != null) {
                d.put("value", lead.value);
            }
            if (lead.expected != null) {
                d.put("expected", lead.expected);
            }
            ObjectNode evidence = d.putObject("evidence");
            lead.evidence.forEach(evidence::put);
            ObjectNode labels = d.putObject("labels");
            lead.labels.forEach(labels::put);
            if (lead.runbook != null) {
                d.put("runbook", lead.runbook);
            }
        }
        if (n.members.size() + n.omittedMembers > 1 || n.kind == NotificationKind.SUMMARY) {
            ArrayNode members = d.putArray("members");
            for (NotificationMember m : n.members) {
                members.addObject()
                        .put("status", m.resolved ? "resolved" : "firing")
                        .put("severity", m.alert.severity)
                        .put("title", m.alert.title)
                        .put("entity", m.alert.entity)
                        .put("fingerprint", m.alert.fingerprint);
            }
            if (n.omittedMembers > 0) {
                d.put("members_not_listed", n.omittedMembers);
            }
        }
        if (n.kind == NotificationKind.SUMMARY) {
            d.put("held_back", n.summarisedCount);
        }
        return d;
    }
}
