package dev.guardian.alerts.deliver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.alerts.config.LinkTemplate;
import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import dev.guardian.alerts.model.NotificationMember;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The generic webhook's JSON: the whole notification with every member alert, in the shape of
 * Alertmanager's webhook (version, status, group labels, alerts). It carries no secret, so it is
 * also what a delivery dead letter holds. A pure function.
 */
public final class WebhookMessages {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private WebhookMessages() {}

    public static ObjectNode render(Notification n, List<LinkTemplate> templates) {
        ObjectNode m = F.objectNode();
        m.put("version", "1");
        m.put("sender", "guardian");
        m.put("notification_id", n.id);
        m.put("kind", n.kind.name().toLowerCase(Locale.ROOT));
        m.put("status", n.firingCount() > 0 ? "firing" : "resolved");
        m.put("receiver", n.receiver);
        m.put("route", n.route);
        m.put("dedup_key", n.dedupKey);
        m.put("revision", n.revision);
        m.put("severity", n.severity);
        m.put("title", Texts.title(n));
        m.put("time", Instant.ofEpochMilli(n.time).toString());
        ObjectNode labels = m.putObject("group_labels");
        n.groupLabels.forEach(labels::put);
        if (n.summarisedCount > 0) {
            m.put("held_back", n.summarisedCount);
        }
        if (n.omittedMembers > 0) {
            m.put("members_not_listed", n.omittedMembers);
        }
        ArrayNode alerts = m.putArray("alerts");
        for (NotificationMember member : n.members) {
            alerts.add(alert(member));
        }
        ArrayNode links = m.putArray("links");
        for (AlertLink link : NotificationLinks.of(n, templates)) {
            links.addObject().put("href", link.href).put("text", NotificationLinks.text(link));
        }
        return m;
    }

    private static ObjectNode alert(NotificationMember member) {
        AlertView a = member.alert;
        ObjectNode o = F.objectNode();
        o.put("status", member.resolved ? "resolved" : "firing");
        o.put("fingerprint", a.fingerprint);
        o.put("source", a.source);
        o.put("severity", a.severity);
        o.put("title", a.title);
        o.put("summary", a.summary);
        o.put("entity", a.entity);
        if (a.value != null) {
            o.put("value", a.value);
        }
        if (a.expected != null) {
            o.put("expected", a.expected);
        }
        o.put("starts_at", Instant.ofEpochMilli(a.startsAt).toString());
        o.put("time", Instant.ofEpochMilli(a.time).toString());
        if (a.runbook != null) {
            o.put("runbook", a.runbook);
        }
        if (a.originId != null) {
            o.put("origin_id", a.originId);
        }
        ObjectNode labels = o.putObject("labels");
        a.labels.forEach(labels::put);
        ObjectNode evidence = o.putObject("evidence");
        a.evidence.forEach(evidence::put);
        ArrayNode links = o.putArray("links");
        for (AlertLink link : a.links) {
            links.addObject().put("href", link.href).put("text", link.text);
        }
        return o;
    }
}
