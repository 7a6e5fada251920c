package dev.guardian.alerts.sink;

import dev.guardian.alerts.model.AlertLink;
import dev.guardian.alerts.model.AlertRecord;
import dev.guardian.alerts.model.AlertView;
import dev.guardian.alerts.route.RouteAlerts;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert record → a row of {@code guardian.alerts} (infra/clickhouse/070_alerts.sql). The table
 * is a ReplacingMergeTree on (fingerprint, time, status, severity): a replayed change replaces its
 * row.
 */
public class AlertRecordRow implements ClickHouseRowConverter<AlertRecord> {

    private static final long serialVersionUID = 1L;

    /**
     * Deterministic id of one recorded change, shared by the ClickHouse row and the ES document.
     */
    public static String recordId(AlertRecord r) {
        AlertView a = r.decision.alert;
        return RouteAlerts.hash(a.fingerprint + "|" + a.time + "|" + a.status + "|" + a.severity);
    }

    @Override
    public Map<String, Object> toRow(AlertRecord r) {
        AlertView a = r.decision.alert;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("record_id", recordId(r));
        row.put("time", Instant.ofEpochMilli(a.time));
        row.put("fingerprint", a.fingerprint);
        row.put("episode_id", r.decision.episodeId);
        row.put("source", a.source);
        row.put("severity", a.severity);
        row.put("status", a.status);
        row.put("decision", r.decision.decision.name());
        row.put("notified", r.decision.decision.notifies() && !r.receivers.isEmpty());
        row.put("notification_seq", r.decision.notificationSeq);
        row.put("muted_by", r.decision.mutedBy == null ? "" : r.decision.mutedBy);
        row.put("title", a.title);
        row.put("summary", a.summary == null ? "" : a.summary);
        row.put("entity", a.entity == null ? "" : a.entity);
        row.put("labels", a.labels);
        row.put("evidence", a.evidence);
        row.put("value", a.value);
        row.put("expected", a.expected);
        row.put("starts_at", Instant.ofEpochMilli(a.startsAt));
        row.put("routes", r.routes);
        row.put("receivers", r.receivers);
        row.put("runbook", a.runbook == null ? "" : a.runbook);
        row.put("origin_id", a.originId == null ? "" : a.originId);
        List<String> links = new ArrayList<>();
        for (AlertLink link : a.links) {
            links.add(link.href);
        }
        row.put("links", links);
        return row;
    }
}
