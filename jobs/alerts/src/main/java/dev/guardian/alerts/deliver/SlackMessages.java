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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slack incoming-webhook messages in Block Kit: a header with severity and title, fields for
 * severity, entity, value vs expected and stream, the summary, the evidence, the group's members,
 * link buttons (Grafana, Elasticsearch, ClickHouse query, runbook) and a context line. A resolve is
 * a follow-up message of its own (incoming webhooks cannot edit a message). Respects Block Kit's
 * limits (header 150 characters, section text 3000, buttons 25). A pure function.
 */
public final class SlackMessages {

    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELD = 2000;
    static final int MAX_MEMBERS_LISTED = 15;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SlackMessages() {}

    public static ObjectNode render(Notification n, List<LinkTemplate> templates) {
        AlertView lead = n.lead();
        String title = Texts.title(n);
        ObjectNode message = F.objectNode();
        message.put("text", Texts.cut(prefix(n) + " " + title, MAX_SECTION));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .set(
                        "text",
                        F.objectNode()
                                .put("type", "plain_text")
                                .put("text", Texts.cut(prefix(n) + " " + title, MAX_HEADER))
                                .put("emoji", true));
        if (lead != null && n.kind != NotificationKind.SUMMARY) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            field(fields, "Severity", n.severity);
            field(fields, "Entity", "`" + escape(lead.entity) + "`");
            String value = Texts.valueVsExpected(lead);
            if (value != null) {
                field(fields, "Value", value);
            }
            field(fields, "Stream", lead.source.toLowerCase(java.util.Locale.ROOT));
            if (n.kind == NotificationKind.RESOLVE) {
                long firingFor = Math.max(0, lead.time - lead.startsAt);
                field(fields, "Firing for", human(Duration.ofMillis(firingFor)));
            }
            if (lead.summary != null && !lead.summary.isBlank()) {
                section(blocks, escape(lead.summary));
            }
            if (!lead.evidence.isEmpty()) {
                section(blocks, "*Evidence*\n" + escape(Texts.evidence(lead.evidence, 2800)));
            }
        }
        if (n.members.size() + n.omittedMembers > 1 || n.kind == NotificationKind.SUMMARY) {
            section(blocks, members(n));
        }
        List<AlertLink> links = NotificationLinks.of(n, templates);
        if (!links.isEmpty()) {
            ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
            for (AlertLink link : links) {
                if (link.href.length() > 3000) {
                    continue;
                }
                ObjectNode button = buttons.addObject().put("type", "button");
                button.set(
                        "text",
                        F.objectNode()
                                .put("type", "plain_text")
                                .put("text", Texts.cut(NotificationLinks.text(link), 75)));
                button.put("url", link.href);
            }
        }
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put(
                        "text",
                        Texts.cut(
                                "Guardian · "
                                        + n.kind.name().toLowerCase(java.util.Locale.ROOT)
                                        + " · route "
                                        + escape(n.route)
                                        + " · "
                                        + Instant.ofEpochMilli(n.time)
                                        + (lead == null
                                                ? ""
                                                : " · fingerprint `"
                                                        + escape(lead.fingerprint)
                                                        + "`"),
                                MAX_FIELD));
        return message;
    }

    static String prefix(Notification n) {
        switch (n.kind) {
            case RESOLVE:
                return "✅ RESOLVED";
            case ESCALATE:
                return icon(n.severity) + " ESCALATED to " + n.severity;
            case RENOTIFY:
                return icon(n.severity) + " STILL FIRING " + n.severity;
            case SUMMARY:
                return "🚦 RATE LIMITED";
            case UPDATE:
                return icon(n.severity) + " UPDATE " + n.severity;
            default:
                return icon(n.severity) + " " + n.severity;
        }
    }

    private static String icon(String severity) {
        switch (severity == null ? "" : severity) {
            case "CRITICAL":
                return "🔴";
            case "ERROR":
                return "🟠";
            case "WARNING":
                return "🟡";
            default:
                return "🔵";
        }
    }

    private static String members(Notification n) {
        StringBuilder b = new StringBuilder();
        int firing = n.firingCount();
        if (n.kind == NotificationKind.SUMMARY) {
            b.append("*")
                    .append(n.summarisedCount)
                    .append(" held back* (most urgent: ")
                    .append(n.severity)
                    .append("). First of them:\n");
        } else {
            b.append("*")
                    .append(firing)
                    .append(" firing, ")
                    .append(n.members.size() - firing)
                    .append(" resolved*");
            if (!n.groupLabels.isEmpty()) {
                b.append(" · ").append(escape(Texts.groupLabels(n)));
            }
            b.append('\n');
        }
        int listed = 0;
        for (NotificationMember m : n.members) {
            if (listed == MAX_MEMBERS_LISTED) {
                break;
            }
            String line =
                    "• "
                            + (m.resolved ? "✅" : icon(m.alert.severity))
                            + " "
                            + escape(Texts.cut(m.alert.title, 150))
                            + " — `"
                            + escape(Texts.cut(m.alert.entity, 80))
                            + "`\n";
            if (b.length() + line.length() > MAX_SECTION - 40) {
                break;
            }
            b.append(line);
            listed++;
        }
        int more = n.members.size() - listed + n.omittedMembers;
        if (more > 0) {
            b.append("… and ").append(more).append(" more");
        }
        return b.toString().trim();
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject()
                .put("type", "mrkdwn")
                .put("text", Texts.cut("*" + name + "*\n" + value, MAX_FIELD));
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject()
                .put("type", "section")
                .set(
                        "text",
                        F.objectNode()
                                .put("type", "mrkdwn")
                                .put("text", Texts.cut(mrkdwn, MAX_SECTION)));
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        return d.toHours() + " h " + (minutes % 60) + " min";
    }
}
