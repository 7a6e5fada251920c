package dev.guardian.logs.alert;

import dev.guardian.logs.anomaly.SilentServiceDetector;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.Link;
import dev.guardian.schemas.Source;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a log anomaly reads as an alert (PagerDuty Events v2 fields): stable fingerprints, severity
 * from the anomaly's grade, a title that fits PagerDuty's summary, the example lines and a link to
 * every line in Elasticsearch.
 */
public final class LogAlerts {

    static final int MAX_TITLE = 1024;
    static final int MAX_EXAMPLE = 300;
    static final String ELASTICSEARCH_LINK = "elasticsearch";

    private LogAlerts() {}

    /**
     * The incident's stable id: the rule (the detector without its version, so an upgrade does not
     * open a second incident) and the entity, hashed.
     */
    public static String fingerprint(String detector, String entity) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (rule(detector) + '\n' + entity).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format("logs-%016x", hash);
    }

    public static String fingerprint(Anomaly anomaly) {
        return fingerprint(anomaly.getDetector(), anomaly.getEntity());
    }

    /** The fingerprint of the silence of {@code service}. */
    public static String silenceFingerprint(String service) {
        return fingerprint(SilentServiceDetector.DETECTOR, service);
    }

    static boolean isSilence(Anomaly anomaly) {
        return rule(anomaly.getDetector()).equals(rule(SilentServiceDetector.DETECTOR));
    }

    /** {@code log-template-frequency/1/burst} → {@code log-template-frequency/burst}. */
    static String rule(String detector) {
        StringBuilder rule = new StringBuilder();
        for (String part : detector.split("/")) {
            if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
                if (rule.length() > 0) {
                    rule.append('/');
                }
                rule.append(part);
            }
        }
        return rule.toString();
    }

    static AlertSeverity severity(Anomaly anomaly) {
        return switch (anomaly.getGrade()) {
            case CRITICAL -> AlertSeverity.CRITICAL;
            case HIGH -> AlertSeverity.ERROR;
            case MEDIUM -> AlertSeverity.WARNING;
            case LOW -> AlertSeverity.INFO;
        };
    }

    static Alert firing(
            Anomaly anomaly,
            String fingerprint,
            AlertSeverity severity,
            long startsAtMillis,
            String searchUrl) {
        Map<String, String> labels = new LinkedHashMap<>(anomaly.getLabels());
        labels.put("rule", rule(anomaly.getDetector()));
        Map<String, String> evidence = new LinkedHashMap<>(anomaly.getEvidence());
        evidence.put("score", String.format(Locale.ROOT, "%.3f", anomaly.getScore()));
        List<Link> links = new ArrayList<>();
        String query = anomaly.getLinks().get(ELASTICSEARCH_LINK);
        if (query != null) {
            links.add(
                    Link.newBuilder()
                            .setHref(searchUrl + URLEncoder.encode(query, StandardCharsets.UTF_8))
                            .setText("The lines in Elasticsearch: " + query)
                            .build());
        }
        String service = anomaly.getLabels().get("service");
        return Alert.newBuilder()
                .setFingerprint(fingerprint)
                .setSource(Source.LOGS)
                .setSeverity(severity)
                .setStatus(AlertStatus.FIRING)
                .setTitle(title(anomaly.getExplanation()))
                .setSummary(summary(anomaly, query))
                .setEntity(service != null ? service : anomaly.getEntity())
                .setLabels(labels)
                .setLinks(links)
                .setEvidence(evidence)
                .setValue(anomaly.getValue())
                .setExpected(anomaly.getExpected())
                .setStartsAt(Instant.ofEpochMilli(startsAtMillis))
                .setTime(anomaly.getTime())
                .setOriginId(anomaly.getId())
                .build();
    }

    /**
     * The incident's end: the firing alert with status and time changed. (Not {@code
     * Alert.newBuilder(firing)}: its deep copy goes through Avro's class allow-list.)
     */
    static Alert resolved(Alert firing, long timeMillis) {
        return new Alert(
                firing.getFingerprint(),
                firing.getSource(),
                firing.getSeverity(),
                AlertStatus.RESOLVED,
                firing.getTitle(),
                firing.getSummary(),
                firing.getEntity(),
                firing.getLabels(),
                firing.getLinks(),
                firing.getEvidence(),
                firing.getValue(),
                firing.getExpected(),
                firing.getStartsAt(),
                Instant.ofEpochMilli(Math.max(timeMillis, firing.getStartsAt().toEpochMilli())),
                firing.getRunbook(),
                firing.getOriginId());
    }

    static String title(String explanation) {
        String line = explanation.strip().replace('\n', ' ');
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE - 1) + "…";
    }

    private static String summary(Anomaly anomaly, String query) {
        StringBuilder s = new StringBuilder(anomaly.getExplanation());
        s.append(String.format(Locale.ROOT, "\nobserved %s", number(anomaly.getValue())));
        if (anomaly.getExpected() != null) {
            s.append(", expected ").append(number(anomaly.getExpected()));
        }
        if (anomaly.getUnit() != null) {
            s.append(' ').append(anomaly.getUnit());
        }
        List<String> examples = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String example = anomaly.getEvidence().get("example_" + i);
            if (example != null) {
                examples.add(
                        example.length() <= MAX_EXAMPLE
                                ? example
                                : example.substring(0, MAX_EXAMPLE) + "…");
            }
        }
        if (!examples.isEmpty()) {
            s.append("\nexample lines:");
            examples.forEach(e -> s.append("\n  ").append(e));
        }
        if (query != null) {
            s.append("\nall lines: ").append(query);
        }
        return s.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
