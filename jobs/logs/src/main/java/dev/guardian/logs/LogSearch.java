package dev.guardian.logs;

import java.time.Instant;

/**
 * The Elasticsearch side of the logs: the field names of a log document (ECS where ECS has one) and
 * the query-string queries that anomalies link to, so a human lands on the exact lines.
 */
public final class LogSearch {

    public static final String TIMESTAMP = "@timestamp";
    public static final String SERVICE = "service.name";
    public static final String LEVEL = "log.level";
    public static final String MESSAGE = "message";

    /** Not in ECS: the template id from online template mining. */
    public static final String TEMPLATE_ID = "labels.template_id";

    private LogSearch() {}

    /** Lines of {@code service} between the two instants, of one template if {@code templateId}. */
    public static String query(String service, String templateId, long fromMillis, long toMillis) {
        StringBuilder q = new StringBuilder();
        q.append(SERVICE).append(":\"").append(escape(service)).append('"');
        if (templateId != null) {
            q.append(" AND ")
                    .append(TEMPLATE_ID)
                    .append(":\"")
                    .append(escape(templateId))
                    .append('"');
        }
        return q.append(" AND ")
                .append(TIMESTAMP)
                .append(":[")
                .append(Instant.ofEpochMilli(fromMillis))
                .append(" TO ")
                .append(Instant.ofEpochMilli(toMillis))
                .append(']')
                .toString();
    }

    /** Error and fatal lines of {@code service} between the two instants. */
    public static String errorsQuery(String service, long fromMillis, long toMillis) {
        return query(service, null, fromMillis, toMillis) + " AND " + LEVEL + ":(ERROR OR FATAL)";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
