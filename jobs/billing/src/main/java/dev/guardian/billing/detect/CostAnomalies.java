package dev.guardian.billing.detect;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Link;
import dev.guardian.schemas.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Cost anomalies and their alerts, with the explanation an engineer reads first. */
public final class CostAnomalies {

    private CostAnomalies() {}

    public static final String EXCESS = "excess";
    public static final String PARTIAL_HOUR = "partialHour";
    public static final String CAUSE_DIMENSION = "rootCause.dimension";
    public static final String CAUSE_VALUE = "rootCause.value";
    public static final String CAUSE_AMOUNT = "rootCause.amount";
    public static final String DETECTOR = "cost-forecast-band/1";

    private static final DateTimeFormatter HOUR_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** What the detector saw for one hour of one key. */
    public static final class Observation {
        public final EntityInfo entity;
        public final long hourStart;
        public final double actual;
        public final double expected;
        public final double lower95;
        public final double upper95;
        public final boolean partialHour;
        public final RootCause rootCause;
        public final String model;

        public Observation(
                EntityInfo entity,
                long hourStart,
                double actual,
                double expected,
                double lower95,
                double upper95,
                boolean partialHour,
                RootCause rootCause,
                String model) {
            this.entity = entity;
            this.hourStart = hourStart;
            this.actual = actual;
            this.expected = expected;
            this.lower95 = lower95;
            this.upper95 = upper95;
            this.partialHour = partialHour;
            this.rootCause = rootCause;
            this.model = model;
        }

        public double excess() {
            return actual - expected;
        }

        /** How many band half-widths above the forecast: 1 at the 95% bound. */
        public double bandRatio() {
            return (actual - expected) / Math.max(upper95 - expected, 1e-9);
        }
    }

    public static double score(Observation o) {
        double r = Math.max(0, o.bandRatio());
        return r / (1 + r);
    }

    public static AnomalyGrade grade(Observation o, double minExcess) {
        double r = o.bandRatio();
        if (r >= 4 || o.excess() >= 50 * minExcess) {
            return AnomalyGrade.CRITICAL;
        }
        if (r >= 2 || o.excess() >= 10 * minExcess) {
            return AnomalyGrade.HIGH;
        }
        return AnomalyGrade.MEDIUM;
    }

    public static Anomaly anomaly(Observation o, double minExcess, String dashboardUrl) {
        EntityInfo e = o.entity;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("billingAccountId", e.billingAccountId);
        labels.put("billingAccountName", e.billingAccountName);
        labels.put("serviceName", e.serviceName);
        labels.put("providerName", e.providerName);
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("actual", money(o.actual));
        evidence.put("expected", money(o.expected));
        evidence.put("upper95", money(o.upper95));
        evidence.put(EXCESS, money(o.excess()));
        evidence.put(PARTIAL_HOUR, Boolean.toString(o.partialHour));
        evidence.put("model", o.model);
        String driver = null;
        if (o.rootCause != null) {
            RootCause.Contribution c = o.rootCause.cause;
            driver = c.dimension + "=" + c.value;
            evidence.put(CAUSE_DIMENSION, c.dimension);
            evidence.put(CAUSE_VALUE, c.value);
            evidence.put(CAUSE_AMOUNT, money(c.excess()));
            evidence.put("rootCause.actual", money(c.actual));
            evidence.put("rootCause.expected", money(c.expected));
            for (Map.Entry<String, List<RootCause.Contribution>> dim :
                    o.rootCause.byDimension.entrySet()) {
                StringBuilder top = new StringBuilder();
                for (RootCause.Contribution t : dim.getValue()) {
                    if (t.excess() <= 0) {
                        break;
                    }
                    if (top.length() > 0) {
                        top.append("; ");
                    }
                    top.append(t.value).append(" +").append(money(t.excess()));
                }
                if (top.length() > 0) {
                    evidence.put("top." + dim.getKey(), top.toString());
                }
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("dashboard", dashboardUrl + "?var-account=" + e.billingAccountId);
        links.put("records", recordsQuery(e, o.hourStart));
        return Anomaly.newBuilder()
                .setId(anomalyId(e.entity, o.hourStart))
                .setSource(Source.BILLING)
                .setEntity(e.entity)
                .setMetric(ForecastRecords.HOURLY_METRIC)
                .setLabels(labels)
                .setTime(Instant.ofEpochMilli(o.hourStart))
                .setValue(o.actual)
                .setExpected(o.expected)
                .setLower(o.lower95)
                .setUpper(o.upper95)
                .setUnit(e.currency)
                .setScore(score(o))
                .setGrade(grade(o, minExcess))
                .setDetector(DETECTOR)
                .setDriver(driver)
                .setExplanation(explanation(o))
                .setLinks(links)
                .setEvidence(evidence)
                .build();
    }

    static String anomalyId(String entity, long hourStart) {
        return UUID.nameUUIDFromBytes(
                        ("billing|" + entity + "|" + hourStart + "|" + DETECTOR)
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static String explanation(Observation o) {
        EntityInfo e = o.entity;
        String hour = HOUR_TEXT.format(Instant.ofEpochMilli(o.hourStart)) + " UTC";
        StringBuilder text = new StringBuilder();
        text.append(e.serviceName)
                .append(" spend in ")
                .append(e.accountLabel())
                .append(o.partialHour ? " reached " : " was ")
                .append(dollars(o.actual, e.currency))
                .append(o.partialHour ? " already in the hour from " : " in the hour from ")
                .append(hour)
                .append(", expected ")
                .append(dollars(o.expected, e.currency))
                .append(" (95% band up to ")
                .append(dollars(o.upper95, e.currency))
                .append("): ")
                .append(dollars(o.excess(), e.currency))
                .append(" over.");
        if (o.rootCause != null) {
            RootCause.Contribution c = o.rootCause.cause;
            text.append(' ')
                    .append(c.dimension)
                    .append(' ')
                    .append(c.value)
                    .append(" explains ")
                    .append(dollars(c.excess(), e.currency))
                    .append(" (")
                    .append(Math.round(100 * c.excess() / Math.max(o.excess(), 1e-9)))
                    .append("%) of the excess")
                    .append(
                            c.expected < 0.01 * Math.max(c.actual, 1e-9)
                                    ? ", and was not billed here before."
                                    : ", up from about " + dollars(c.expected, e.currency) + ".");
        }
        return text.toString();
    }

    static String recordsQuery(EntityInfo e, long hourStart) {
        return "SELECT resource_id, sku_id, region_id, tags, sum(effective_cost) AS cost"
                + " FROM guardian.billing_records FINAL WHERE billing_account_id = '"
                + e.billingAccountId.replace("'", "''")
                + "' AND service_name = '"
                + e.serviceName.replace("'", "''")
                + "' AND charge_period_start = toDateTime64("
                + hourStart / 1000
                + ", 3, 'UTC') GROUP BY resource_id, sku_id, region_id, tags ORDER BY cost DESC"
                + " LIMIT 20";
    }

    /** The alert that opens an incident (the first anomalous hour of the key). */
    public static Alert firing(
            Anomaly anomaly, Observation o, CostIncidentState incident, String dashboardUrl) {
        EntityInfo e = o.entity;
        String cause =
                o.rootCause == null
                        ? ""
                        : " (" + o.rootCause.cause.dimension + " " + o.rootCause.cause.value + ")";
        String title =
                "Cost anomaly: "
                        + e.serviceName
                        + " in "
                        + e.accountLabel()
                        + " at "
                        + dollars(o.actual, e.currency)
                        + "/h, "
                        + dollars(o.excess(), e.currency)
                        + " over forecast"
                        + cause;
        incident.title = title.length() > 1024 ? title.substring(0, 1021) + "..." : title;
        return alert(
                anomaly,
                o,
                incident,
                AlertStatus.FIRING,
                incident.title,
                anomaly.getExplanation(),
                dashboardUrl);
    }

    /** The alert that closes an incident once the key is back within its band. */
    public static Alert resolved(
            EntityInfo e, CostIncidentState incident, long hourStart, String dashboardUrl) {
        Alert.Builder b =
                Alert.newBuilder()
                        .setFingerprint(incident.fingerprint)
                        .setSource(Source.BILLING)
                        .setSeverity(AlertSeverity.INFO)
                        .setStatus(AlertStatus.RESOLVED)
                        .setTitle(incident.title == null ? "Cost anomaly resolved" : incident.title)
                        .setSummary(
                                e.serviceName
                                        + " spend in "
                                        + e.accountLabel()
                                        + " is back within its forecast band since "
                                        + HOUR_TEXT.format(Instant.ofEpochMilli(hourStart))
                                        + " UTC; peak excess was "
                                        + dollars(incident.peakExcess, e.currency)
                                        + "/h.")
                        .setEntity(e.entity)
                        .setLabels(labels(e))
                        .setLinks(
                                List.of(
                                        new Link(
                                                dashboardUrl + "?var-account=" + e.billingAccountId,
                                                "Cost dashboard")))
                        .setEvidence(Map.of("peakExcess", money(incident.peakExcess)))
                        .setStartsAt(Instant.ofEpochMilli(incident.startHour))
                        .setTime(Instant.ofEpochMilli(hourStart + HourlyHistory.HOUR))
                        .setOriginId(incident.lastAnomalyId);
        return b.build();
    }

    private static Alert alert(
            Anomaly anomaly,
            Observation o,
            CostIncidentState incident,
            AlertStatus status,
            String title,
            String summary,
            String dashboardUrl) {
        EntityInfo e = o.entity;
        Map<String, String> labels = labels(e);
        if (o.rootCause != null) {
            labels.put("rootCause", o.rootCause.cause.dimension + "=" + o.rootCause.cause.value);
        }
        return Alert.newBuilder()
                .setFingerprint(incident.fingerprint)
                .setSource(Source.BILLING)
                .setSeverity(severity(anomaly.getGrade()))
                .setStatus(status)
                .setTitle(title)
                .setSummary(summary)
                .setEntity(e.entity)
                .setLabels(labels)
                .setLinks(
                        List.of(
                                new Link(
                                        dashboardUrl + "?var-account=" + e.billingAccountId,
                                        "Cost dashboard"),
                                new Link(
                                        anomaly.getLinks().get("records"),
                                        "Lines of the hour (ClickHouse SQL)")))
                .setEvidence(anomaly.getEvidence())
                .setValue(o.actual)
                .setExpected(o.expected)
                .setStartsAt(Instant.ofEpochMilli(incident.startHour))
                .setTime(Instant.ofEpochMilli(o.hourStart + HourlyHistory.HOUR))
                .setOriginId(anomaly.getId())
                .build();
    }

    private static Map<String, String> labels(EntityInfo e) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kind", "anomaly");
        labels.put("component", e.serviceName);
        labels.put("group", e.billingAccountId);
        labels.put("class", "cost");
        labels.put("billingAccountId", e.billingAccountId);
        labels.put("serviceName", e.serviceName);
        return labels;
    }

    static AlertSeverity severity(AnomalyGrade grade) {
        switch (grade) {
            case CRITICAL:
                return AlertSeverity.CRITICAL;
            case HIGH:
                return AlertSeverity.ERROR;
            default:
                return AlertSeverity.WARNING;
        }
    }

    static String money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String dollars(double amount, String currency) {
        String number = String.format(Locale.ROOT, "%,.2f", Math.abs(amount));
        String sign = amount < 0 ? "-" : "";
        return "USD".equals(currency) ? sign + "$" + number : sign + number + " " + currency;
    }
}
