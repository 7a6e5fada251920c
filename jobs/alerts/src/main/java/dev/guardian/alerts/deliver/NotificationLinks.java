package dev.guardian.alerts.deliver;

import dev.guardian.alerts.config.LinkTemplate;
import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.model.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links a notification carries: the lead alert's own (raw data query, runbook) followed by the
 * router's configured ones (Grafana, Elasticsearch, ClickHouse), without repeats.
 */
final class NotificationLinks {

    static final int MAX_LINKS = 10;

    private NotificationLinks() {}

    static List<AlertLink> of(Notification n, List<LinkTemplate> templates) {
        Map<String, AlertLink> byHref = new LinkedHashMap<>();
        AlertView lead = n.lead();
        if (lead != null) {
            for (AlertLink link : lead.links) {
                if (link.href != null && !link.href.isBlank()) {
                    byHref.putIfAbsent(link.href, link);
                }
            }
            if (lead.runbook != null && !lead.runbook.isBlank()) {
                byHref.putIfAbsent(lead.runbook, new AlertLink(lead.runbook, "Runbook"));
            }
            for (LinkTemplate template : templates) {
                AlertLink link = template.render(lead);
                byHref.putIfAbsent(link.href, link);
            }
        }
        List<AlertLink> links = new ArrayList<>(byHref.values());
        return links.size() > MAX_LINKS ? links.subList(0, MAX_LINKS) : links;
    }

    static String text(AlertLink link) {
        return link.text == null || link.text.isBlank() ? link.href : link.text;
    }
}
