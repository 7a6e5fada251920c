package dev.guardian.alerts.model;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert state change as the router carries it between operators and keeps it in state: the
 * fields of the {@link Alert} record as a Flink POJO (enums as their names), so no operator needs
 * Kryo or Avro to move it.
 */
public class AlertView {

    public String fingerprint;
    public String source;
    public String severity;
    public String status;
    public String title;
    public String summary;
    public String entity;
    public Map<String, String> labels = new TreeMap<>();
    public List<AlertLink> links = new ArrayList<>();
    public Map<String, String> evidence = new TreeMap<>();
    public Double value;
    public Double expected;
    public long startsAt;
    public long time;
    public String runbook;
    public String originId;

    public AlertView() {}

    public static AlertView of(Alert alert) {
        AlertView v = new AlertView();
        v.fingerprint = alert.getFingerprint();
        v.source = alert.getSource().name();
        v.severity = alert.getSeverity().name();
        v.status = alert.getStatus().name();
        v.title = alert.getTitle();
        v.summary = alert.getSummary();
        v.entity = alert.getEntity();
        v.labels = new TreeMap<>(alert.getLabels());
        for (Link link : alert.getLinks()) {
            v.links.add(new AlertLink(link.getHref(), link.getText()));
        }
        v.evidence = new TreeMap<>(alert.getEvidence());
        v.value = alert.getValue();
        v.expected = alert.getExpected();
        v.startsAt = alert.getStartsAt().toEpochMilli();
        v.time = alert.getTime().toEpochMilli();
        v.runbook = alert.getRunbook();
        v.originId = alert.getOriginId();
        return v;
    }

    public boolean firing() {
        return "FIRING".equals(status);
    }

    public Severity severityLevel() {
        return Severity.parse(severity);
    }

    /** A copy with the same fields; maps and lists are copied, links are shared (immutable use). */
    public AlertView copy() {
        AlertView v = new AlertView();
        v.fingerprint = fingerprint;
        v.source = source;
        v.severity = severity;
        v.status = status;
        v.title = title;
        v.summary = summary;
        v.entity = entity;
        v.labels = new TreeMap<>(labels);
        v.links = new ArrayList<>(links);
        v.evidence = new LinkedHashMap<>(evidence);
        v.value = value;
        v.expected = expected;
        v.startsAt = startsAt;
        v.time = time;
        v.runbook = runbook;
        v.originId = originId;
        return v;
    }

    @Override
    public String toString() {
        return status + " " + severity + " " + fingerprint + " @" + time + " " + title;
    }
}
