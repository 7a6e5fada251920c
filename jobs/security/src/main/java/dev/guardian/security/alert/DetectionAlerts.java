package dev.guardian.security.alert;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import dev.guardian.schemas.Link;
import dev.guardian.schemas.Source;
import dev.guardian.security.detect.Detections;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a detection reads as an alert (PagerDuty Events v2 fields): severity from the rule's level,
 * the ATT&CK tactics and techniques of its tags as labels, who did what from where in the summary,
 * and a fingerprint of rule and group-by value, so that repeats of one incident share a dedup key.
 */
public final class DetectionAlerts implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MAX_TITLE = 1024;
    static final int MAX_EVIDENCE_IDS = 10;
    static final String DASHBOARD_PATH = "/d/guardian-security/security";

    private final DetectionLevel minLevel;
    private final String grafanaUrl;
    private final Duration suppression;

    /**
     * @param minLevel detections below this level raise no alert
     * @param suppression the repeat suppression window, told in the summary
     */
    public DetectionAlerts(DetectionLevel minLevel, String grafanaUrl, Duration suppression) {
        this.minLevel = minLevel;
        this.grafanaUrl =
                grafanaUrl.endsWith("/")
                        ? grafanaUrl.substring(0, grafanaUrl.length() - 1)
                        : grafanaUrl;
        this.suppression = suppression;
    }

    public boolean raises(Detection d) {
        return d.getLevel().ordinal() >= minLevel.ordinal();
    }

    /** The stable id of the incident: rule and group-by value, hashed. */
    public static String fingerprint(String ruleId, String group) {
        return "security-" + Detections.id(ruleId, group);
    }

    public static AlertSeverity severity(DetectionLevel level) {
        return switch (level) {
            case CRITICAL -> AlertSeverity.CRITICAL;
            case HIGH -> AlertSeverity.ERROR;
            case MEDIUM -> AlertSeverity.WARNING;
            case LOW, INFORMATIONAL -> AlertSeverity.INFO;
        };
    }

    /** ATT&CK tactics of Sigma tags: {@code attack.initial-access} → {@code initial-access}. */
    public static List<String> tactics(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            // groups (attack.g0016) and software (attack.s0002) are neither
            if (t.startsWith("attack.") && !isTechnique(t) && !t.matches("attack\\.[gs]\\d{4}")) {
                out.add(t.substring("attack.".length()));
            }
        }
        return out;
    }

    /** ATT&CK techniques of Sigma tags: {@code attack.t1078.004} → {@code T1078.004}. */
    public static List<String> techniques(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (isTechnique(t)) {
                out.add(t.substring("attack.".length()).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static boolean isTechnique(String tag) {
        return tag.matches("attack\\.t\\d{4}(\\.\\d{3})?");
    }

    /**
     * @param group the group-by value as {@code name=value, ...} (see {@code SuppressionKey})
     */
    public Alert firing(Detection d, String group) {
        Map<String, String> f = d.getFields();
        List<String> tactics = tactics(d.getTags());
        List<String> techniques = techniques(d.getTags());
        String entity = entity(d, group);

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("class", "security-detection");
        labels.put("rule", d.getRuleId());
        labels.put("level", d.getLevel().name().toLowerCase(Locale.ROOT));
        putIfPresent(labels, "account", f.get("accountId"));
        putIfPresent(labels, "region", f.get("region"));
        putIfPresent(labels, "service", f.get("service"));
        if (!tactics.isEmpty()) {
            labels.put("attack_tactics", String.join(",", tactics));
        }
        if (!techniques.isEmpty()) {
            labels.put("attack_techniques", String.join(",", techniques));
        }

        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("detection_id", d.getId());
        evidence.put("rule_title", d.getRuleTitle());
        for (Map.Entry<String, String> e : new TreeMap<>(d.getGroupBy()).entrySet()) {
            evidence.put("group." + e.getKey(), e.getValue());
        }
        for (String field :
                List.of(
                        "actor",
                        "sourceIp",
                        "userAgent",
                        "service",
                        "operation",
                        "region",
                        "accountId")) {
            putIfPresent(evidence, field, f.get(field));
        }
        List<String> ids = d.getMatchedEventIds();
        evidence.put("matched_events", Integer.toString(ids.size()));
        if (!ids.isEmpty()) {
            evidence.put(
                    "matched_event_ids",
                    String.join(",", ids.subList(0, Math.min(ids.size(), MAX_EVIDENCE_IDS))));
        }
        if (!d.getTags().isEmpty()) {
            evidence.put("tags", String.join(",", d.getTags()));
        }

        Instant start = d.getWindowStart() != null ? d.getWindowStart() : d.getTime();
        return Alert.newBuilder()
                .setFingerprint(fingerprint(d.getRuleId(), group))
                .setSource(Source.SECURITY)
                .setSeverity(severity(d.getLevel()))
                .setStatus(AlertStatus.FIRING)
                .setTitle(clip(d.getRuleTitle() + ": " + entity))
                .setSummary(summary(d, group, tactics, techniques))
                .setEntity(entity)
                .setLabels(labels)
                .setLinks(List.of(dashboardLink(d)))
                .setEvidence(evidence)
                .setStartsAt(start)
                .setTime(d.getTime())
                .setOriginId(d.getId())
                .build();
    }

    /** Who the incident is about: the group-by values, else the actor, else the rule. */
    static String entity(Detection d, String group) {
        List<String> values = new ArrayList<>();
        Map<String, String> by = d.getGroupBy().isEmpty() ? null : new TreeMap<>(d.getGroupBy());
        if (by != null) {
            values.addAll(by.values());
        } else {
            for (String pair : group.split(", ")) {
                int eq = pair.indexOf('=');
                String value = eq < 0 ? pair : pair.substring(eq + 1);
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        if (values.isEmpty()) {
            String actor = d.getFields().get("actor");
            return actor != null ? actor : d.getRuleId();
        }
        return String.join(" / ", values);
    }

    private String summary(
            Detection d, String group, List<String> tactics, List<String> techniques) {
        Map<String, String> f = d.getFields();
        StringBuilder s = new StringBuilder();
        s.append(d.getRuleTitle())
                .append(" (Sigma level ")
                .append(d.getLevel().name().toLowerCase(Locale.ROOT))
                .append(", rule ")
                .append(d.getRuleId())
                .append(")\n");
        if (f.containsKey("actor") || f.containsKey("sourceIp")) {
            s.append("Who: ").append(f.getOrDefault("actor", "unknown principal"));
            if (f.containsKey("sourceIp")) {
                s.append(" from ").append(f.get("sourceIp"));
            }
            if (f.containsKey("userAgent")) {
                s.append(" (").append(f.get("userAgent")).append(')');
            }
            s.append('\n');
        }
        if (f.containsKey("operation")) {
            s.append("What: ")
                    .append(f.getOrDefault("service", ""))
                    .append(' ')
                    .append(f.get("operation"));
            if (f.containsKey("region")) {
                s.append(" in ").append(f.get("region"));
            }
            if (f.containsKey("accountId")) {
                s.append(", account ").append(f.get("accountId"));
            }
            s.append('\n');
        }
        s.append("When: ").append(d.getTime());
        if (d.getWindowStart() != null) {
            s.append(" (events since ").append(d.getWindowStart()).append(')');
        }
        s.append('\n');
        if (!tactics.isEmpty() || !techniques.isEmpty()) {
            s.append("ATT&CK: ");
            s.append(String.join(", ", tactics));
            if (!tactics.isEmpty() && !techniques.isEmpty()) {
                s.append("; ");
            }
            s.append(String.join(", ", techniques)).append('\n');
        }
        s.append("Matched events: ").append(d.getMatchedEventIds().size()).append('\n');
        if (!suppression.isZero()) {
            s.append("Repeats for ")
                    .append(group.isEmpty() ? "this rule" : group)
                    .append(" within ")
                    .append(suppression.toString().substring(2).toLowerCase(Locale.ROOT))
                    .append(" are suppressed.");
        }
        return s.toString().strip();
    }

    private Link dashboardLink(Detection d) {
        long t = d.getTime().toEpochMilli();
        String href =
                grafanaUrl
                        + DASHBOARD_PATH
                        + "?var-rule="
                        + URLEncoder.encode(d.getRuleId(), StandardCharsets.UTF_8)
                        + "&from="
                        + (t - 3_600_000L)
                        + "&to="
                        + (t + 3_600_000L);
        return Link.newBuilder()
                .setHref(href)
                .setText("Grafana: security detections of this rule")
                .build();
    }

    private static String clip(String title) {
        String line = title.replace('\n', ' ');
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1) + "…";
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
